package dev.titanj.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Less common attribute shapes the value-type adapter must still get right. */
class ValueTypeShapesTest {
  private final JsonAdapter<SampleTree> trees = TitanJson.moshi().adapter(SampleTree.class);

  @Test
  void recursiveValueType_decodesAndEncodesAtAnyDepth() throws IOException {
    SampleTree tree = trees.fromJson("""
        {"id": 1, "children": [{"id": 2, "children": [{"id": 3}]}, {"id": 4}]}
        """);
    assertThat(tree.children()).extracting(SampleTree::id).containsExactly(2L, 4L);
    assertThat(tree.children().get(0).children().get(0).id()).isEqualTo(3L);
    assertThat(trees.fromJson(trees.toJson(tree))).isEqualTo(tree);
  }

  @Test
  void nullableAttribute_isOptionalOnTheWire_andOmittedWhenNull() throws IOException {
    SampleTree withNote = trees.fromJson("{\"id\": 1, \"note\": \"n\"}");
    SampleTree nullNote = trees.fromJson("{\"id\": 1, \"note\": null}");
    SampleTree noNote = trees.fromJson("{\"id\": 1}");
    assertThat(withNote.note()).isEqualTo("n");
    assertThat(nullNote.note()).isNull();
    assertThat(noNote.note()).isNull();
    assertThat(trees.toJson(noNote)).doesNotContain("note");
  }

  @Test
  void getPrefixedAccessor_usesTheAccessorNameOnTheWire() throws IOException {
    SampleTree tree = trees.fromJson("{\"id\": 1, \"getLabel\": \"L\", \"label\": \"ignored\"}");
    assertThat(tree.getLabel()).contains("L");
    assertThat(trees.toJson(tree)).contains("\"getLabel\":\"L\"");
  }

  @Test
  void enumSet_readsWireValues_unknownsCollapseToUnknown() throws IOException {
    SampleTree tree = trees.fromJson(
        "{\"id\": 1, \"kinds\": [\"Email\", \"Fax\", \"Telex\", \"Phone\", null]}");
    assertThat(tree.kinds()).containsExactlyInAnyOrder(SampleContactType.EMAIL, SampleContactType.UNKNOWN,
        SampleContactType.PHONE);
  }

  @Test
  void nestedCollections_areUnmodifiable() throws IOException {
    SampleTree tree = trees.fromJson("{\"id\": 1, \"grid\": [[\"a\", \"b\"], []]}");
    assertThat(tree.grid()).containsExactly(List.of("a", "b"), List.of());
    assertThatThrownBy(() -> tree.grid().get(0).add("c"))
        .isInstanceOf(UnsupportedOperationException.class);

    SampleCustomer customer = TitanJson.moshi().adapter(SampleCustomer.class)
        .fromJson("{\"id\": 1, \"customFields\": {\"k\": [\"v\"]}}");
    assertThatThrownBy(() -> customer.customFields().get("k").add("w"))
        .isInstanceOf(UnsupportedOperationException.class);

    SampleCreateRequest request = TitanJson.moshi().adapter(SampleCreateRequest.class).fromJson(
        "{\"name\": \"A\", \"type\": \"Email\", \"password\": \"p\", \"priority\": 1,"
            + " \"doNotMail\": false, \"score\": 1, \"replaceTags\": [\"x\"]}");
    assertThatThrownBy(() -> request.replaceTags().orElseThrow().add("y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void attributesFromGenericSupertype_areResolvedToTheBoundType() throws IOException {
    JsonAdapter<SampleJournalEntry> entries = TitanJson.moshi().adapter(SampleJournalEntry.class);
    String a = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    String b = "3f2504e0-4f89-11d3-9a0c-0305e82c3302";
    SampleJournalEntry e = entries.fromJson("{\"id\": \"" + a.toUpperCase() + "\", \"relatedIds\": [\""
        + b + "\"], \"parentId\": \"" + b + "\", \"memo\": \"m\"}");
    assertThat(e.id()).isEqualTo(java.util.UUID.fromString(a));
    assertThat(e.relatedIds()).containsExactly(java.util.UUID.fromString(b));
    assertThat(e.parentId()).contains(java.util.UUID.fromString(b));
    assertThat(entries.toJson(e)).contains("\"id\":\"" + a + "\"");
    assertThatThrownBy(() -> entries.fromJson("{\"memo\": \"no id\"}"))
        .isInstanceOfSatisfying(dev.titanj.core.internal.TitanJsonException.class,
            x -> assertThat(x.field()).isEqualTo("$.id"));
  }

  @Test
  void sharedAdapter_decodesConcurrently() throws Exception {
    JsonAdapter<SampleCustomer> customers = TitanJson.moshi().adapter(SampleCustomer.class);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        long base = t * 1_000L;
        results.add(pool.submit(() -> {
          long sum = 0;
          for (int i = 0; i < 500; i++) {
            SampleCustomer c = customers.fromJson("{\"id\": " + (base + i)
                + ", \"customFields\": {\"n\": [\"" + i + "\"]}}");
            assertThat(c.customFields()).isEqualTo(Map.of("n", List.of(Integer.toString(i))));
            sum += c.id();
          }
          return sum;
        }));
      }
      for (int t = 0; t < 8; t++) {
        assertThat(results.get(t).get(30, TimeUnit.SECONDS))
            .isEqualTo(500L * t * 1_000L + 499L * 500L / 2);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

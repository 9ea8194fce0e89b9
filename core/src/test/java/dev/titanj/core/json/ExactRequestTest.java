package dev.titanj.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A request is sent exactly as built: absent, null and a value are three different messages. */
class ExactRequestTest {
  private final JsonAdapter<SampleUpdateRequest> adapter =
      TitanJson.moshi().adapter(SampleUpdateRequest.class);

  private String json(SampleUpdateRequest request) {
    return adapter.toJson(request);
  }

  @Test
  void build_withOneFieldSet_sendsExactlyThatField() {
    assertThat(json(SampleUpdateRequest.builder().typeId(7L).build())).isEqualTo("{\"typeId\":7}");
  }

  @Test
  void build_withNothingSet_sendsAnEmptyObject_listsIncluded() {
    assertThat(json(SampleUpdateRequest.builder().build())).isEqualTo("{}");
  }

  @Test
  void list_setToEmpty_isSentAsEmptyArray() {
    assertThat(json(SampleUpdateRequest.builder().tagTypeIds(List.of()).build()))
        .isEqualTo("{\"tagTypeIds\":[]}");
  }

  @Test
  void list_withElementsAdded_isSent() {
    assertThat(json(SampleUpdateRequest.builder().addTagTypeIds(1L, 2L).build()))
        .isEqualTo("{\"tagTypeIds\":[1,2]}");
  }

  @Test
  void clear_sendsExplicitNull_inDeclarationOrder() {
    SampleUpdateRequest r = SampleUpdateRequest.builder().clearDueDate().typeId(3L).clearName()
        .build();

    assertThat(json(r)).isEqualTo("{\"name\":null,\"dueDate\":null,\"typeId\":3}");
    assertThat(r.explicitNulls()).containsExactly("dueDate", "name");
  }

  @Test
  void clear_ofAWholeMap_sendsNull_andAMapValueOfEmpty_sendsANullValue() {
    assertThat(json(SampleUpdateRequest.builder().clearCustomFields().build()))
        .isEqualTo("{\"customFields\":null}");
    assertThat(json(SampleUpdateRequest.builder().putCustomFields("color", Optional.empty())
        .putCustomFields("size", Optional.of("L")).build()))
        .isEqualTo("{\"customFields\":{\"color\":null,\"size\":\"L\"}}");
  }

  @Test
  void build_whenAFieldIsSetAndCleared_failsNamingTheField() {
    assertThatThrownBy(() -> SampleUpdateRequest.builder().name("x").clearName().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SampleUpdateRequest.name is both set to a value and cleared");
  }

  @Test
  void build_whenANonClearableFieldIsNamedNull_fails() {
    assertThatThrownBy(() -> SampleUpdateRequest.builder().addExplicitNulls("typeId").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"typeId\" cannot be sent as null")
        .hasMessageContaining("[name, dueDate, customFields]");
    assertThatThrownBy(() -> SampleUpdateRequest.builder().addExplicitNulls("nosuch").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"nosuch\" cannot be sent as null");
  }

  @Test
  void build_whenASharedRecordMissesRequiredFields_failsNamingThem() {
    SampleSharedAddress empty = SampleSharedAddress.builder().unit("2").build();

    assertThatThrownBy(() -> SampleUpdateRequest.builder().address(empty).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SampleUpdateRequest.address")
        .hasMessageContaining("misses fields the API requires: street, city");
  }

  @Test
  void build_withACompleteSharedRecord_sendsIt() {
    SampleSharedAddress a = SampleSharedAddress.builder().street("1 Main").city("X").build();

    assertThat(json(SampleUpdateRequest.builder().address(a).build()))
        .isEqualTo("{\"address\":{\"street\":\"1 Main\",\"city\":\"X\"}}");
  }

  @Test
  void sharedRecord_readFromAResponse_staysTolerant() throws IOException {
    SampleSharedAddress a = TitanJson.moshi().adapter(SampleSharedAddress.class).fromJson("{}");

    assertThat(a.street()).isEmpty();
  }

  @Test
  void decode_keepsExplicitNulls_andUnsetLists() throws IOException {
    SampleUpdateRequest r = adapter.fromJson("{\"name\":null,\"typeId\":null,\"tagTypeIds\":[]}");

    assertThat(r.explicitNulls()).containsExactly("name");
    assertThat(r.typeId()).isEmpty();
    assertThat(r.tagTypeIds()).isEmpty();
    assertThat(r.customFields()).isNull();
    assertThat(json(r)).isEqualTo("{\"name\":null,\"tagTypeIds\":[]}");
  }

  // ---- change-based requests ----

  private static final SampleRecord BEFORE = SampleRecord.builder().id(1).name("Acme")
      .dueDate(LocalDate.of(2025, 1, 2)).typeId(4L).addTagTypeIds(1L, 2L)
      .modifiedOn(Instant.parse("2025-01-01T00:00:00Z")).build();

  @Test
  void changes_sendsOnlyTheFieldsThatDiffer() {
    SampleRecord after = ImmutableSampleRecord.copyOf(BEFORE).withName("Acme & Sons")
        .withModifiedOn(Instant.parse("2026-01-01T00:00:00Z"));

    SampleUpdateRequest r = TitanRequest.changes(SampleUpdateRequest.class, BEFORE, after);

    assertThat(json(r)).isEqualTo("{\"name\":\"Acme & Sons\"}");
  }

  @Test
  void changes_whenNothingDiffers_isEmpty() {
    assertThat(json(TitanRequest.changes(SampleUpdateRequest.class, BEFORE, BEFORE)))
        .isEqualTo("{}");
  }

  @Test
  void changes_whenAClearableFieldWasRemoved_sendsNull_andAnEmptiedList_sendsEmptyArray() {
    SampleRecord after = ImmutableSampleRecord.copyOf(BEFORE).withDueDate(Optional.empty())
        .withTagTypeIds(List.of());

    SampleUpdateRequest r = TitanRequest.changes(SampleUpdateRequest.class, BEFORE, after);

    assertThat(json(r)).isEqualTo("{\"dueDate\":null,\"tagTypeIds\":[]}");
  }

  @Test
  void changes_whenANonClearableFieldWasRemoved_failsNamingIt() {
    SampleRecord after = ImmutableSampleRecord.copyOf(BEFORE).withTypeId(Optional.empty());

    assertThatThrownBy(() -> TitanRequest.changes(SampleUpdateRequest.class, BEFORE, after))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SampleUpdateRequest.typeId was removed, but the API cannot clear it");
  }

  @Test
  void changes_whenANestedSharedRecordIsIncomplete_failsLikeBuild() {
    SampleRecord after = ImmutableSampleRecord.copyOf(BEFORE)
        .withAddress(SampleSharedAddress.builder().city("X").build());

    assertThatThrownBy(() -> TitanRequest.changes(SampleUpdateRequest.class, BEFORE, after))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("misses fields the API requires: street");
  }

  @Test
  void changes_withNullOrMismatchedRecords_failsNamingTheArgument() {
    assertThatThrownBy(() -> TitanRequest.changes(SampleUpdateRequest.class, null, BEFORE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
    assertThatThrownBy(() -> TitanRequest.changes(SampleUpdateRequest.class, BEFORE, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after");
    assertThatThrownBy(() -> TitanRequest.changes(SampleUpdateRequest.class, BEFORE,
        SampleSharedAddress.builder().build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one type");
  }

  @Test
  void request_toString_showsWhatIsSent() {
    assertThat(SampleUpdateRequest.builder().clearName().typeId(1L).build().toString())
        .contains("explicitNulls=[name]").contains("typeId=1");
  }

  @Test
  void map_readBack_keepsNullValuesAsEmpty() throws IOException {
    SampleUpdateRequest r = adapter.fromJson("{\"customFields\":{\"a\":null,\"b\":\"x\"}}");

    assertThat(r.customFields()).isEqualTo(Map.of("a", Optional.empty(), "b", Optional.of("x")));
  }
}

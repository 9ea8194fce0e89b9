package dev.titanj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Types;
import dev.titanj.core.NotFoundException;
import dev.titanj.core.RawRequest;
import dev.titanj.core.ResourceCatalog;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.spi.PagedResponse;
import dev.titanj.demo.Demo;
import dev.titanj.demo.WidgetRepository;
import dev.titanj.demo.model.Kind;
import dev.titanj.demo.model.Part;
import dev.titanj.demo.model.Widget;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The fake server's routes come from the installed modules' resource descriptors: a hand-written
 * one-resource module ("demo", outside TitanJ's four) is served as soon as its
 * {@code META-INF/services} entry is on the class path, with records synthesized from each
 * operation's record type and decoded by TitanJ's own JSON codec through the module's own
 * repository. Nothing in the testing module names it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedResourcesTest {
  private static final String BASE = "demo/v2/tenant/{tenant}/";

  private FakeServiceTitan fake;
  private ServiceTitan st;
  private WidgetRepository widgets;

  @BeforeAll
  void start() {
    fake = InstalledModules.with("demo-module", () -> {
      assertThat(ResourceCatalog.installed().find("demo.widgets")).isPresent();
      return FakeServiceTitan.start(FakeServiceTitan.Options.defaults().synthesizedRecords(4));
    });
    st = fake.client();
    widgets = Demo.of(st).widgets();
  }

  @AfterAll
  void stop() {
    fake.close();
  }

  @Test
  void pagedList_servesSynthesizedRecordsThatDecodeIntoTheValueType() {
    List<Widget> all = widgets.query().toList();

    assertThat(all).hasSize(4);
    Widget w = all.get(0);
    assertThat(w.name()).isPresent();
    assertThat(w.kind()).contains(Kind.SMALL);           // first known wire value, not UNKNOWN
    assertThat(w.mainPart()).isPresent();
    assertThat(w.parts()).isNotEmpty();
    assertThat(w.tags()).isNotEmpty();
    assertThat(w.externalId()).isPresent();
    assertThat(w.createdOn()).isPresent();
    assertThat(w.modifiedOn().get()).isAfter(w.createdOn().get());
    assertThat(all).extracting(Widget::id).doesNotHaveDuplicates();
    assertThat(widgets.query().count()).isEqualTo(4);
  }

  @Test
  void getById_andExport_andUnknownIds() {
    Widget first = widgets.query().first().orElseThrow();

    assertThat(widgets.findById(first.id())).contains(first);
    assertThat(widgets.findById(5L)).isEmpty();
    assertThatThrownBy(() -> widgets.getById(5L)).isInstanceOf(NotFoundException.class);
    var batch = widgets.export().nextBatch();
    assertThat(batch.items()).hasSize(4);
    assertThat(batch.hasMore()).isFalse();
  }

  @Test
  void templatedPaths_bareArrays_pagedBareArrays_singleObjects_andIds_answer() {
    PagedResponse<Part> parts = st.send(RawRequest.get(BASE + "widgets/{widgetId}/parts")
        .path("widgetId", 77), Types.newParameterizedType(PagedResponse.class, Part.class));
    List<Part> gadgets = st.send(RawRequest.get(BASE + "gadgets"),
        Types.newParameterizedType(List.class, Part.class));
    List<Part> gizmoPage = st.send(RawRequest.get(BASE + "gizmos").query("page", 2)
        .query("pageSize", 3), Types.newParameterizedType(List.class, Part.class));
    Part settings = st.send(RawRequest.get(BASE + "settings"), Part.class);
    Long owner = st.send(RawRequest.get(BASE + "widgets/{id}/owner").path("id", 3), Long.class);

    assertThat(parts.data).hasSize(4);
    assertThat(gadgets).hasSize(4);
    assertThat(gizmoPage).hasSize(1);                     // records 4 of 4, by page and pageSize
    assertThat(settings.name()).isPresent();
    assertThat(owner).isNotNull();                        // a bare number
    assertThat(fake.resources("demo")).containsExactlyInAnyOrder("widgets",
        "widgets/{widgetId}/parts", "gadgets", "gizmos", "settings", "widgets/{id}/owner");
  }

  @Test
  void withoutTheModuleInstalled_itsPathsAreNotServed() {
    try (FakeServiceTitan plain = FakeServiceTitan.start()) {
      assertThat(plain.resources("demo")).isEmpty();
      assertThatThrownBy(() -> Demo.of(plain.client()).widgets().query().toList())
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void curatedResources_areNotReplaced() {
    assertThat(fake.records("crm/customers")).hasSize(100);
  }
}

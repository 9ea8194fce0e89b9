package dev.titanj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.titanj.core.NotFoundException;
import dev.titanj.core.internal.TitanContext;
import dev.titanj.demo.internal.WidgetApi;
import dev.titanj.demo.model.Kind;
import dev.titanj.demo.model.Widget;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Generic registration from an operation manifest and Retrofit interfaces, with records
 * synthesized from the response types, decoded by TitanJ's own JSON codec. Uses a test-only
 * "demo" module shaped like codegen's output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedResourcesTest {
  private FakeServiceTitan fake;
  private TitanContext ctx;
  private WidgetApi api;

  @BeforeAll
  void start() {
    fake = FakeServiceTitan.start(FakeServiceTitan.Options.defaults().extraArea("demo")
        .synthesizedRecords(4));
    ctx = TitanContext.of(fake.client());
    api = ctx.api(WidgetApi.class);
  }

  @AfterAll
  void stop() {
    fake.close();
  }

  @Test
  void pagedList_servesSynthesizedRecordsThatDecodeIntoTheValueType() {
    List<Widget> widgets = ctx.execute(api.list(fake.tenantId(), 1, 50, true)).data;

    assertThat(widgets).hasSize(4);
    Widget w = widgets.get(0);
    assertThat(w.name()).isPresent();
    assertThat(w.kind()).contains(Kind.SMALL);           // first known wire value, not UNKNOWN
    assertThat(w.mainPart()).isPresent();
    assertThat(w.parts()).isNotEmpty();
    assertThat(w.tags()).isNotEmpty();
    assertThat(w.externalId()).isPresent();
    assertThat(w.createdOn()).isPresent();
    assertThat(w.modifiedOn().get()).isAfter(w.createdOn().get());
    assertThat(widgets).extracting(Widget::id).doesNotHaveDuplicates();
  }

  @Test
  void getById_andExport_andUnknownIds() {
    Widget first = ctx.execute(api.list(fake.tenantId(), 1, 1, null)).data.get(0);

    assertThat(ctx.execute(api.get(fake.tenantId(), first.id()))).isEqualTo(first);
    assertThatThrownBy(() -> ctx.execute(api.get(fake.tenantId(), 5L)))
        .isInstanceOf(NotFoundException.class);
    var batch = ctx.execute(api.export(fake.tenantId(), null));
    assertThat(batch.data).hasSize(4);
    assertThat(batch.hasMore).isFalse();
  }

  @Test
  void templatedPaths_bareArrays_andSingleObjects_answer() {
    assertThat(ctx.execute(api.parts(fake.tenantId(), 77)).data).hasSize(4);
    assertThat(ctx.execute(api.gadgets(fake.tenantId()))).hasSize(4);
    assertThat(ctx.execute(api.settings(fake.tenantId())).name()).isPresent();
    assertThat(ctx.execute(api.owner(fake.tenantId(), 3))).isNotNull(); // a bare number
    assertThat(fake.resources("demo")).contains("widgets", "widgets/{widgetId}/parts", "gadgets",
        "settings");
  }

  @Test
  void curatedResources_areNotReplaced() {
    assertThat(fake.records("crm/customers")).hasSize(100);
    assertThat(GeneratedResources.classNames(getClass().getClassLoader(), "dev.titanj.demo.internal"))
        .contains("dev.titanj.demo.internal.WidgetApi", "dev.titanj.demo.internal.DemoOperations");
  }
}

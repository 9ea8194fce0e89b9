package dev.titanj.demo;

import dev.titanj.core.ResourceDescriptor;
import dev.titanj.core.spi.Descriptors;
import dev.titanj.core.spi.TitanModule;
import dev.titanj.demo.model.Part;
import dev.titanj.demo.model.Widget;
import java.util.List;

/**
 * A one-resource module outside TitanJ's four, announced through ServiceLoader. Besides the
 * resource's own list, get and export it declares the other shapes the fake server must answer:
 * a templated sub-list, a bare array, a bare array paged by page/pageSize, a single object and a
 * bare id.
 */
public final class DemoModule implements TitanModule {
  static final String BASE = "demo/v2";
  private static final Descriptors OPS = Descriptors.under(BASE + "/tenant/{tenant}/");

  static final ResourceDescriptor<Widget, Long> WIDGETS = new ResourceDescriptor<>(Demo.WIDGETS,
      List.of(
          OPS.page("Widgets_GetList", "GET", "widgets", Widget.class),
          OPS.object("Widgets_Get", "GET", "widgets/{id}", Widget.class),
          OPS.object("Widgets_Update", "PATCH", "widgets/{id}", Widget.class),
          OPS.export("Export_Widgets", "GET", "export/widgets", Widget.class),
          OPS.page("Widgets_GetParts", "GET", "widgets/{widgetId}/parts", Part.class),
          OPS.array("Gadgets_GetAll", "GET", "gadgets", Part.class),
          OPS.arrayPage("Gizmos_GetList", "GET", "gizmos", Part.class),
          OPS.object("Settings_Get", "GET", "settings", Part.class),
          OPS.id("Widgets_GetOwner", "GET", "widgets/{id}/owner", Long.class),
          OPS.none("Widgets_Dismiss", "POST", "widgets/{id}/dismiss", Void.class)),
      false, "tn.demo.widgets:r", "tn.demo.widgets:w", st -> Demo.of(st).widgets());

  @Override
  public String area() {
    return "demo";
  }

  @Override
  public List<ResourceDescriptor<?, ?>> resources() {
    return List.of(WIDGETS);
  }
}

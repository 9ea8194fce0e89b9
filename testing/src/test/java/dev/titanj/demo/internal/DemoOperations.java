package dev.titanj.demo.internal;

import java.util.List;

/** Test-only stand-in for a generated operation manifest. */
public final class DemoOperations {
  public static final List<Entry> ALL = List.of(
      new Entry("Widgets_GetList", "GET", "demo/v2/tenant/{tenant}/widgets"),
      new Entry("Widgets_Get", "GET", "demo/v2/tenant/{tenant}/widgets/{id}"),
      new Entry("Widgets_Update", "PATCH", "demo/v2/tenant/{tenant}/widgets/{id}"),
      new Entry("Export_Widgets", "GET", "demo/v2/tenant/{tenant}/export/widgets"),
      new Entry("Widgets_GetParts", "GET", "demo/v2/tenant/{tenant}/widgets/{widgetId}/parts"),
      new Entry("Gadgets_GetAll", "GET", "demo/v2/tenant/{tenant}/gadgets"),
      new Entry("Settings_Get", "GET", "demo/v2/tenant/{tenant}/settings"),
      new Entry("Widgets_GetOwner", "GET", "demo/v2/tenant/{tenant}/widgets/{id}/owner"));

  private DemoOperations() {}

  /** One operation. */
  public static final class Entry {
    public final String operationId;
    public final String method;
    public final String path;

    Entry(String operationId, String method, String path) {
      this.operationId = operationId;
      this.method = method;
      this.path = path;
    }
  }
}

package dev.titanj.demo;

import dev.titanj.core.ResourceKey;
import dev.titanj.core.ServiceTitan;
import dev.titanj.core.spi.ModuleRuntime;
import dev.titanj.demo.model.Widget;

/**
 * The entry point of a test-only module written by hand the way codegen writes one: keys, one
 * repository per resource. Nothing in TitanJ names this class: the module is found through
 * {@link DemoModule}, announced in {@code demo-module/META-INF/services}.
 */
public final class Demo {
  /** The {@code demo.widgets} resource. */
  public static final ResourceKey<Widget, Long> WIDGETS =
      ResourceKey.of("demo.widgets", Widget.class, Long.class);

  private final WidgetRepository widgets;

  private Demo(ModuleRuntime m) {
    widgets = new WidgetRepository(m);
  }

  public static Demo of(ServiceTitan serviceTitan) {
    return new Demo(ModuleRuntime.of(serviceTitan, DemoModule.BASE));
  }

  public WidgetRepository widgets() {
    return widgets;
  }
}

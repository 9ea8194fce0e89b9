package dev.titanj.shop;

import dev.titanj.core.ResourceDescriptor;
import dev.titanj.core.ResourceKey;
import dev.titanj.core.spi.Descriptors;
import dev.titanj.core.spi.TitanModule;
import dev.titanj.shop.model.Gadget;
import java.util.List;

/**
 * A tiny module written outside TitanJ, with one resource, announced through ServiceLoader
 * ({@code shop-module/META-INF/services}). Neither the CLI nor the fake server names it.
 */
public final class ShopModule implements TitanModule {
  static final String BASE = "shop/v2";
  /** The {@code shop.gadgets} resource. */
  public static final ResourceKey<Gadget, Long> GADGET_KEY =
      ResourceKey.of("shop.gadgets", Gadget.class, Long.class);

  private static final Descriptors OPS = Descriptors.under(BASE + "/tenant/{tenant}/");

  static final ResourceDescriptor<Gadget, Long> GADGETS = new ResourceDescriptor<>(GADGET_KEY,
      List.of(
          OPS.page("Gadgets_GetList", "GET", "gadgets", Gadget.class),
          OPS.object("Gadgets_Get", "GET", "gadgets/{id}", Gadget.class),
          OPS.export("Export_Gadgets", "GET", "export/gadgets", Gadget.class)),
      false, "tn.shop.gadgets:r", "tn.shop.gadgets:w", GadgetRepository::new);

  @Override
  public String area() {
    return "shop";
  }

  @Override
  public List<ResourceDescriptor<?, ?>> resources() {
    return List.of(GADGETS);
  }
}

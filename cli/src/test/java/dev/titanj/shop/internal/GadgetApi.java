package dev.titanj.shop.internal;

import dev.titanj.core.QueryParams;
import dev.titanj.core.spi.ExportResponse;
import dev.titanj.core.spi.PagedResponse;
import dev.titanj.shop.model.Gadget;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Tag;

/** The Retrofit binding of {@code shop.gadgets}, written the way codegen writes one. */
public interface GadgetApi {
  @GET("gadgets")
  Call<PagedResponse<Gadget>> list(@Tag QueryParams query);

  @GET("gadgets/{id}")
  Call<Gadget> get(@Path("id") long id);

  @GET("export/gadgets")
  Call<ExportResponse<Gadget>> export(@Tag QueryParams query);
}

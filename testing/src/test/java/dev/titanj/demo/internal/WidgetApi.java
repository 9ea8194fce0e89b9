package dev.titanj.demo.internal;

import dev.titanj.core.QueryParams;
import dev.titanj.core.spi.ExportResponse;
import dev.titanj.core.spi.PagedResponse;
import dev.titanj.demo.model.Widget;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Tag;

/** Test-only Retrofit interface written the way codegen writes one (paths below the tenant). */
public interface WidgetApi {
  @GET("widgets")
  Call<PagedResponse<Widget>> list(@Tag QueryParams query);

  @GET("widgets/{id}")
  Call<Widget> get(@Path("id") long id);

  @GET("export/widgets")
  Call<ExportResponse<Widget>> export(@Tag QueryParams query);
}

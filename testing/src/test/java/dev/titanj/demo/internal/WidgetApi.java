package dev.titanj.demo.internal;

import dev.titanj.core.spi.ExportResponse;
import dev.titanj.core.spi.PagedResponse;
import dev.titanj.demo.model.Part;
import dev.titanj.demo.model.Widget;
import java.util.List;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** Test-only stand-in for a generated Retrofit interface. */
public interface WidgetApi {
  @GET("demo/v2/tenant/{tenant}/widgets")
  Call<PagedResponse<Widget>> list(@Path("tenant") long tenant, @Query("page") Integer page,
      @Query("pageSize") Integer pageSize, @Query("includeTotal") Boolean includeTotal);

  @GET("demo/v2/tenant/{tenant}/widgets/{id}")
  Call<Widget> get(@Path("tenant") long tenant, @Path("id") long id);

  @GET("demo/v2/tenant/{tenant}/export/widgets")
  Call<ExportResponse<Widget>> export(@Path("tenant") long tenant, @Query("from") String from);

  @GET("demo/v2/tenant/{tenant}/widgets/{widgetId}/parts")
  Call<PagedResponse<Part>> parts(@Path("tenant") long tenant, @Path("widgetId") long widgetId);

  @GET("demo/v2/tenant/{tenant}/gadgets")
  Call<List<Part>> gadgets(@Path("tenant") long tenant);

  @GET("demo/v2/tenant/{tenant}/widgets/{id}/owner")
  Call<Long> owner(@Path("tenant") long tenant, @Path("id") long id);

  @GET("demo/v2/tenant/{tenant}/settings")
  Call<Part> settings(@Path("tenant") long tenant);
}

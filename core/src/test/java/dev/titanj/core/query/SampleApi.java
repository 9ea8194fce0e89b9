package dev.titanj.core.query;

import dev.titanj.core.QueryParams;
import dev.titanj.core.spi.ExportResponse;
import dev.titanj.core.spi.PagedResponse;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.PATCH;
import retrofit2.http.Path;
import retrofit2.http.Tag;

/** The Retrofit binding of the test resource, written the way codegen writes one. */
public interface SampleApi {
  @GET("samples")
  Call<PagedResponse<Sample>> list(@Tag QueryParams query);

  @GET("samples/{id}")
  Call<Sample> get(@Path("id") long id);

  @PATCH("samples/{id}")
  Call<Sample> update(@Path("id") long id, @Body Map<String, Object> patch);

  @GET("export/samples")
  Call<ExportResponse<Sample>> export(@Tag QueryParams query);
}

package dev.titanj.core.query;

import dev.titanj.core.spi.ExportResponse;
import dev.titanj.core.spi.PagedResponse;
import java.util.List;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.PATCH;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.QueryMap;

/** The Retrofit interface of the sample resource, shaped like a generated one. */
public interface SampleApi {
  @GET("tenant/{tenant}/samples")
  Call<PagedResponse<Sample>> list(@Path("tenant") long tenant, @Query("ids") String ids,
      @Query("name") String name, @Query("active") String active,
      @Query("statuses") List<String> statuses,
      @Query("modifiedOnOrAfter") String modifiedOnOrAfter, @Query("sort") String sort,
      @QueryMap Map<String, String> others, @Query("page") int page,
      @Query("pageSize") int pageSize, @Query("includeTotal") Boolean includeTotal);

  @GET("tenant/{tenant}/samples/{id}")
  Call<Sample> get(@Path("tenant") long tenant, @Path("id") long id);

  @PATCH("tenant/{tenant}/samples/{id}")
  Call<Sample> update(@Path("tenant") long tenant, @Path("id") long id, @Body Map<String, Object> patch);

  @GET("tenant/{tenant}/export/samples")
  Call<ExportResponse<Sample>> export(@Path("tenant") long tenant, @Query("from") String from,
      @Query("includeRecentChanges") Boolean includeRecentChanges);
}

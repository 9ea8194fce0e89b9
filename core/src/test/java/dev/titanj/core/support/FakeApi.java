package dev.titanj.core.support;

import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Url;

/** A tiny Retrofit interface standing in for a generated module in transport tests. */
public interface FakeApi {
  @GET("crm/v2/tenant/{tenant}/customers/{id}")
  Call<Map<String, Object>> customer(@Path("tenant") long tenant, @Path("id") long id);

  @GET("crm/v2/tenant/{tenant}/customers")
  Call<Map<String, Object>> customers(@Path("tenant") long tenant, @Query("page") int page,
      @Query("access_token") String accessToken);

  @POST("crm/v2/tenant/{tenant}/customers")
  Call<Map<String, Object>> create(@Path("tenant") long tenant, @Body Map<String, Object> body);

  @PUT("crm/v2/tenant/{tenant}/customers/{id}")
  Call<Map<String, Object>> replace(@Path("tenant") long tenant, @Path("id") long id,
      @Body Map<String, Object> body);

  @PATCH("crm/v2/tenant/{tenant}/customers/{id}")
  Call<Map<String, Object>> update(@Path("tenant") long tenant, @Path("id") long id,
      @Body Map<String, Object> body);

  @DELETE("crm/v2/tenant/{tenant}/customers/{id}")
  Call<Void> delete(@Path("tenant") long tenant, @Path("id") long id);

  @GET
  Call<Map<String, Object>> absolute(@Url String url);
}

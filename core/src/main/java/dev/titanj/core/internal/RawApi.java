package dev.titanj.core.internal;

import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.HTTP;
import retrofit2.http.Url;

/** The Retrofit binding of {@link dev.titanj.core.RawRequest}: any path, through the client's chain. */
public interface RawApi {
  @HTTP(method = "GET")
  Call<ResponseBody> get(@Url String url);

  @HTTP(method = "DELETE")
  Call<ResponseBody> delete(@Url String url);

  @HTTP(method = "POST", hasBody = true)
  Call<ResponseBody> post(@Url String url, @Body Object body);

  @HTTP(method = "PUT", hasBody = true)
  Call<ResponseBody> put(@Url String url, @Body Object body);

  @HTTP(method = "PATCH", hasBody = true)
  Call<ResponseBody> patch(@Url String url, @Body Object body);
}

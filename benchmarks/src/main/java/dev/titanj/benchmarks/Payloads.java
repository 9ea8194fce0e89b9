package dev.titanj.benchmarks;

import dev.titanj.testing.FakeServiceTitan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Wire bytes of real list pages, fetched over plain HTTP from a fake ServiceTitan seeded with its
 * fixed default seed, so every run decodes the same deterministic JSON.
 */
final class Payloads {
  private Payloads() {}

  /** Page 1 of customers ({@code active=Any}) at {@code pageSize} from a fresh fake server. */
  static byte[] customersPage(int pageSize) {
    try (FakeServiceTitan fake = FakeServiceTitan.start(
        FakeServerMain.options(pageSize, 10))) {
      return page(fake.baseUrl(), "crm", "customers", pageSize, "active=Any");
    }
  }

  /** Page 1 of invoices ({@code activeState=All}) at {@code pageSize} from a fresh fake server. */
  static byte[] invoicesPage(int pageSize) {
    try (FakeServiceTitan fake = FakeServiceTitan.start(
        FakeServerMain.options(100, pageSize))) {
      return page(fake.baseUrl(), "accounting", "invoices", pageSize, "activeState=All");
    }
  }

  /** Page 1 of {@code module/resource} at {@code pageSize} with one extra filter, as bytes. */
  static byte[] page(URI base, String module, String resource, int pageSize, String filter) {
    OkHttpClient http = new OkHttpClient();
    try {
      String token = token(http, base);
      Request get = new Request.Builder()
          .url(base + "/" + module + "/v2/tenant/" + FakeServiceTitan.DEFAULT_TENANT_ID + "/"
              + resource + "?page=1&pageSize=" + pageSize + "&" + filter)
          .header("Authorization", "Bearer " + token)
          .header("ST-App-Key", FakeServiceTitan.DEFAULT_APP_KEY)
          .build();
      try (Response r = http.newCall(get).execute()) {
        if (r.code() != 200) {
          throw new IllegalStateException("fake server answered " + r.code() + " for " + resource);
        }
        ResponseBody body = r.body();
        return body.bytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static String token(OkHttpClient http, URI base) throws IOException {
    Request post = new Request.Builder().url(base + "/connect/token")
        .post(new FormBody.Builder()
            .add("grant_type", "client_credentials")
            .add("client_id", FakeServiceTitan.DEFAULT_CLIENT_ID)
            .add("client_secret", FakeServiceTitan.DEFAULT_CLIENT_SECRET)
            .build())
        .build();
    try (Response r = http.newCall(post).execute()) {
      String json = r.body().string();
      int at = json.indexOf("\"access_token\"");
      int start = json.indexOf('"', json.indexOf(':', at) + 1) + 1;
      return json.substring(start, json.indexOf('"', start));
    }
  }
}

package dev.titanj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.titanj.core.json.TitanJson;
import dev.titanj.testing.internal.Json;
import dev.titanj.testing.internal.Synthesizer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Every GET operation in the four generated modules' manifests answers on the fake server, and
 * its body decodes into the type the generated Retrofit interface declares.
 */
class GeneratedOperationsCoverageTest {

  @Test
  @SuppressWarnings("unchecked")
  void everyGetOperation_answers200_andDecodesIntoItsDeclaredType() throws Exception {
    OkHttpClient http = new OkHttpClient();
    try (FakeServiceTitan fake = FakeServiceTitan.start()) {
      String token;
      try (Response r = http.newCall(new Request.Builder().url(fake.baseUrl() + "/connect/token")
          .post(new FormBody.Builder().add("grant_type", "client_credentials")
              .add("client_id", fake.clientId())
              .add("client_secret", FakeServiceTitan.DEFAULT_CLIENT_SECRET).build()).build()).execute()) {
        token = (String) ((Map<String, Object>) Json.parse(r.body().string())).get("access_token");
      }
      Map<String, Type> types = new LinkedHashMap<>();
      List<String> paths = new ArrayList<>();
      for (String area : GeneratedResources.AREAS) {
        String cap = Character.toUpperCase(area.charAt(0)) + area.substring(1);
        Class<?> ops = Class.forName("dev.titanj." + area + ".internal." + cap + "Operations");
        for (Object e : (List<?>) ops.getField("ALL").get(null)) {
          Field m = e.getClass().getField("method");
          Field p = e.getClass().getField("path");
          if ("GET".equals(m.get(e))) {
            paths.add((String) p.get(e));
          }
        }
        for (String cls : GeneratedResources.classNames(getClass().getClassLoader(),
            "dev.titanj." + area + ".internal")) {
          Class<?> c = Class.forName(cls);
          for (Method method : c.getMethods()) {
            retrofit2.http.GET get = method.getAnnotation(retrofit2.http.GET.class);
            if (get != null) {
              types.putIfAbsent(get.value(), Synthesizer.arg(method.getGenericReturnType(), 0));
            }
          }
        }
      }
      assertThat(paths).hasSizeGreaterThan(60);

      List<String> failures = new ArrayList<>();
      for (String path : paths) {
        String url = fake.baseUrl() + "/" + concrete(fake, path);
        try (Response r = http.newCall(new Request.Builder().url(url)
            .header("ST-App-Key", FakeServiceTitan.DEFAULT_APP_KEY)
            .header("Authorization", "Bearer " + token).build()).execute()) {
          String body = r.body().string();
          if (r.code() != 200) {
            failures.add(path + " -> " + r.code() + " " + body);
            continue;
          }
          try {
            Object decoded = TitanJson.moshi().adapter(types.get(path)).fromJson(body);
            if (decoded == null) {
              failures.add(path + " -> decoded to null");
            }
          } catch (IOException | RuntimeException ex) {
            failures.add(path + " -> does not decode as " + types.get(path) + ": " + ex);
          }
        }
      }
      assertThat(failures).isEmpty();
    }
  }

  /** Fills path parameters: the tenant, a real id for a trailing id, 1 elsewhere. */
  private static String concrete(FakeServiceTitan fake, String path) {
    String p = path.replace("{tenant}", Long.toString(fake.tenantId()));
    int last = p.lastIndexOf('/');
    if (p.substring(last + 1).startsWith("{")) {
      String collection = p.substring(0, last);
      int at = collection.indexOf("/v2/tenant/");
      String module = collection.substring(0, at);
      String rest = path.substring(path.indexOf("{tenant}/") + "{tenant}/".length(),
          path.lastIndexOf('/'));
      if (fake.resources(module).contains(rest)) {
        p = collection + "/" + fake.records(module + "/" + rest).get(0).get("id");
      }
    }
    return p.replaceAll("\\{[^}]+}", "1");
  }
}

package dev.titanj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Types;
import dev.titanj.core.OperationDescriptor;
import dev.titanj.core.ResourceCatalog;
import dev.titanj.core.ResourceDescriptor;
import dev.titanj.core.json.TitanJson;
import dev.titanj.core.spi.ExportResponse;
import dev.titanj.core.spi.PagedResponse;
import dev.titanj.core.spi.TitanModule;
import dev.titanj.testing.internal.Json;
import java.io.IOException;
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
 * Every GET operation that the installed modules' resource descriptors declare (the four
 * generated modules and a hand-written one) answers on the fake server, and its body decodes
 * into the type the descriptor's shape and record type say.
 */
class GeneratedOperationsCoverageTest {

  @Test
  @SuppressWarnings("unchecked")
  void everyGetOperation_answers200_andDecodesIntoItsDeclaredType() throws Exception {
    OkHttpClient http = new OkHttpClient();
    ResourceCatalog catalog = InstalledModules.with("demo-module", ResourceCatalog::installed);
    assertThat(catalog.modules()).extracting(TitanModule::area)
        .contains("accounting", "crm", "demo", "dispatch", "settings");
    try (FakeServiceTitan fake = InstalledModules.with("demo-module", FakeServiceTitan::start)) {
      String token;
      try (Response r = http.newCall(new Request.Builder().url(fake.baseUrl() + "/connect/token")
          .post(new FormBody.Builder().add("grant_type", "client_credentials")
              .add("client_id", fake.clientId())
              .add("client_secret", FakeServiceTitan.DEFAULT_CLIENT_SECRET).build()).build()).execute()) {
        token = (String) ((Map<String, Object>) Json.parse(r.body().string())).get("access_token");
      }
      Map<String, Type> types = new LinkedHashMap<>();
      List<String> paths = new ArrayList<>();
      for (ResourceDescriptor<?, ?> resource : catalog.resources()) {
        for (OperationDescriptor op : resource.operations()) {
          if (op.method().equals("GET") && op.shape() != OperationDescriptor.Shape.NONE
              && types.putIfAbsent(op.path(), bodyType(op)) == null) {
            paths.add(op.path());
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

  /** What the body of {@code op} decodes into, by its shape and record type. */
  private static Type bodyType(OperationDescriptor op) {
    switch (op.shape()) {
      case PAGE:
        return Types.newParameterizedType(PagedResponse.class, op.itemType());
      case EXPORT:
        return Types.newParameterizedType(ExportResponse.class, op.itemType());
      case ARRAY:
      case ARRAY_PAGE:
        return Types.newParameterizedType(List.class, op.itemType());
      default:
        return op.itemType();
    }
  }

  /**
   * Fills path parameters: the tenant, the fake's curated report catalogue for the Reporting API
   * (category and dynamic value set ids are names), a real id for a trailing id, 1 elsewhere.
   */
  private static String concrete(FakeServiceTitan fake, String path) {
    String p = path.replace("{tenant}", Long.toString(fake.tenantId()))
        .replace("{report_category}", "operations").replace("{reportId}", "101")
        .replace("{dynamicSetId}", "business-units");
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

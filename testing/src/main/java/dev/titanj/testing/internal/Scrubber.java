package dev.titanj.testing.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Normalises requests and scrubs exchanges before they reach a fixture file: the tenant id in
 * paths becomes {@code {tenant}}, only harmless response headers are kept, secret-bearing fields
 * are dropped, and the configured personal-data masks replace values by stable stand-ins. The
 * same transformation is applied to live requests in replay, so masked recordings still match.
 */
public final class Scrubber {
  /** Response headers worth keeping; everything else (cookies, trace ids...) is dropped. */
  public static final Set<String> KEPT_RESPONSE_HEADERS = Set.of("content-type", "retry-after");
  private static final Set<String> SECRET_KEYS = Set.of("client_secret", "clientsecret",
      "access_token", "accesstoken", "refresh_token", "authorization", "st-app-key", "appkey",
      "app_key", "password", "servicetitanapplicationkey");
  private static final Set<String> NAME_KEYS = Set.of("name", "firstname", "lastname",
      "technicianname", "customername", "leadcustomername", "contactname", "loginname",
      "officialname", "createdby", "appliedby", "displayname", "username");
  private static final Set<String> PHONE_KEYS = Set.of("phone", "phonenumber", "mobilephone",
      "mobilenumber", "fax", "leadphone", "homephone", "workphone");
  private static final Set<String> EMAIL_KEYS = Set.of("email", "emailaddress");
  private static final Set<String> ADDRESS_KEYS = Set.of("street", "unit", "zip", "latitude",
      "longitude", "streetaddress", "address1", "address2", "postalcode");
  private static final Set<String> PHONE_TYPES = Set.of("phone", "mobilephone", "fax",
      "landlinephone");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s\"]+@[^@\\s\"]+\\.[A-Za-z]{2,}");
  private static final Pattern TENANT = Pattern.compile("/tenant/(\\d+)(/|$)");

  private final Set<String> masks;
  private final Set<String> extraFields;

  /**
   * @param masks names of {@code dev.titanj.testing.Mask} constants to apply
   * @param extraFields further field names (case-insensitive) whose values are masked
   */
  public Scrubber(Set<String> masks, Set<String> extraFields) {
    this.masks = new TreeSet<>(masks);
    this.extraFields = new TreeSet<>();
    for (String f : extraFields) {
      this.extraFields.add(f.toLowerCase(Locale.ROOT));
    }
  }

  /** The mask names, for the file header. */
  public List<String> maskNames() {
    List<String> out = new ArrayList<>(masks);
    if (!extraFields.isEmpty()) {
      out.add("fields:" + String.join(",", extraFields));
    }
    return out;
  }

  /** Replaces the tenant id in a path by {@code {tenant}}. */
  public static String templatePath(String path) {
    return TENANT.matcher(path).replaceFirst("/tenant/{tenant}$2");
  }

  /** The query in stored form: secrets dropped, masked parameters masked, order-insensitive. */
  public Map<String, List<String>> query(Map<String, List<String>> query) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    query.forEach((k, v) -> {
      String key = k.toLowerCase(Locale.ROOT);
      if (SECRET_KEYS.contains(key)) {
        return;
      }
      List<String> values = new ArrayList<>();
      for (String s : v) {
        Object masked = maskValue(key, s);
        values.add(String.valueOf(masked));
      }
      out.put(k, values);
    });
    return Interaction.normalize(out);
  }

  /** A JSON tree in stored form: secrets removed, masks applied. Returns a new tree. */
  @SuppressWarnings("unchecked")
  public Object body(Object json) {
    if (json instanceof Map) {
      Map<String, Object> in = (Map<String, Object>) json;
      Map<String, Object> out = new LinkedHashMap<>();
      Object type = in.get("type");
      boolean phoneContact = type instanceof String
          && PHONE_TYPES.contains(((String) type).toLowerCase(Locale.ROOT));
      for (Map.Entry<String, Object> e : in.entrySet()) {
        String key = e.getKey().toLowerCase(Locale.ROOT);
        Object v = e.getValue();
        if (SECRET_KEYS.contains(key)) {
          continue;
        }
        if (v instanceof Map || v instanceof List) {
          out.put(e.getKey(), body(v));
        } else if (phoneContact && key.equals("value") && masks.contains("PHONES") && v != null) {
          out.put(e.getKey(), phone(String.valueOf(v)));
        } else {
          out.put(e.getKey(), maskValue(key, v));
        }
      }
      return out;
    }
    if (json instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object o : (List<Object>) json) {
        out.add(body(o));
      }
      return out;
    }
    if (json instanceof String) {
      return maskValue("", json);
    }
    return json;
  }

  private Object maskValue(String key, Object v) {
    if (v == null) {
      return null;
    }
    String s = String.valueOf(v);
    if (extraFields.contains(key)) {
      return v instanceof Number ? BigDecimal.ZERO : "masked-" + hash(s);
    }
    if (masks.contains("NAMES") && NAME_KEYS.contains(key) && v instanceof String) {
      return "Name " + hash(s);
    }
    if (masks.contains("PHONES") && PHONE_KEYS.contains(key) && v instanceof String) {
      return phone(s);
    }
    if (masks.contains("EMAILS") && (EMAIL_KEYS.contains(key)
        || (v instanceof String && EMAIL.matcher(s).matches()))) {
      return "user-" + hash(s) + "@example.invalid";
    }
    if (masks.contains("ADDRESSES") && ADDRESS_KEYS.contains(key)) {
      if (v instanceof Number) {
        return BigDecimal.ZERO;
      }
      if (key.equals("zip") || key.equals("postalcode")) {
        return "00000";
      }
      return "Masked " + hash(s);
    }
    return v;
  }

  private static String phone(String s) {
    String h = hash(s);
    long n = Long.parseLong(h.substring(0, 7), 16) % 10_000_000L;
    return String.format("555%07d", n);
  }

  /** First 8 hex digits of SHA-256: stable, not reversible for non-trivial values. */
  static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 4; i++) {
        sb.append(String.format("%02x", d[i]));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

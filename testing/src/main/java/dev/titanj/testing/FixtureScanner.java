package dev.titanj.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds secret-looking content in fixture files before it is committed: bearer tokens, JWTs,
 * values of {@code client_secret}, {@code access_token}, app keys and similar fields,
 * ServiceTitan-style credential strings ({@code ak1.}, {@code cs1.}, {@code cid.}), and long
 * high-entropy strings in auth-ish fields. Run {@link #assertNoSecrets(Path)} over your fixture
 * folder in a test.
 *
 * <pre>{@code
 * @Test
 * void fixturesHoldNoSecrets() {
 *   FixtureScanner.assertNoSecrets(Path.of("src/test/resources/titanj-fixtures"));
 * }
 * }</pre>
 */
public final class FixtureScanner {
  /** The synthetic token replay uses; allowed in {@code access_token}. */
  public static final String SYNTHETIC_TOKEN = "titanj-fixture-token";

  private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=-]{8,}");
  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}");
  private static final Pattern ST_CREDENTIAL =
      Pattern.compile("\\b(?:ak1|cs\\d|cid)\\.[A-Za-z0-9]{10,}");
  private static final Pattern FIELD =
      Pattern.compile("\"([A-Za-z0-9_.-]+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Set<String> SECRET_FIELDS = Set.of("client_secret", "clientsecret",
      "access_token", "accesstoken", "refresh_token", "id_token", "st-app-key", "appkey",
      "app_key", "password", "authorization", "servicetitanapplicationkey", "secret");
  private static final String[] AUTHISH = {"token", "secret", "key", "auth", "password",
      "signature", "credential", "session", "cookie"};

  private FixtureScanner() {}

  /** One suspicious spot. The excerpt never shows more than the first four characters. */
  public static final class Finding {
    private final String source;
    private final int line;
    private final String rule;
    private final String excerpt;

    Finding(String source, int line, String rule, String excerpt) {
      this.source = source;
      this.line = line;
      this.rule = rule;
      this.excerpt = excerpt;
    }

    public String source() {
      return source;
    }

    public int line() {
      return line;
    }

    public String rule() {
      return rule;
    }

    @Override
    public String toString() {
      return source + ":" + line + ": " + rule + " (" + excerpt + ")";
    }
  }

  /** Scans every {@code .json} file below {@code root} (a missing folder has no findings). */
  public static List<Finding> scan(Path root) {
    if (!Files.exists(root)) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted()
          .collect(Collectors.toList())) {
        out.addAll(scanText(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not scan " + root, e);
    }
    return out;
  }

  /** Scans one text, naming it {@code source} in findings. */
  public static List<Finding> scanText(String source, String text) {
    List<Finding> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int n = i + 1;
      find(out, source, n, BEARER, line, "bearer token");
      find(out, source, n, JWT, line, "JWT-shaped string");
      find(out, source, n, ST_CREDENTIAL, line, "ServiceTitan credential-shaped string");
      Matcher m = FIELD.matcher(line);
      while (m.find()) {
        String key = m.group(1).toLowerCase(Locale.ROOT);
        String value = m.group(2);
        if (value.isEmpty()) {
          continue;
        }
        if (SECRET_FIELDS.contains(key)) {
          if (!(key.equals("access_token") && value.equals(SYNTHETIC_TOKEN))) {
            out.add(new Finding(source, n, "value of secret field '" + m.group(1) + "'", peek(value)));
          }
        } else if (authish(key) && value.length() >= 24 && !value.contains(" ")
            && entropy(value) >= 3.5) {
          out.add(new Finding(source, n, "high-entropy value in '" + m.group(1) + "'", peek(value)));
        }
      }
      if (line.toLowerCase(Locale.ROOT).contains("client_secret=")) {
        out.add(new Finding(source, n, "client_secret in form data", "client_secret=..."));
      }
    }
    return out;
  }

  /**
   * Fails with an {@link AssertionError} listing every finding below {@code root}.
   */
  public static void assertNoSecrets(Path root) {
    List<Finding> findings = scan(root);
    if (!findings.isEmpty()) {
      throw new AssertionError("Fixtures hold secret-looking content; remove it and re-record:\n  "
          + findings.stream().map(Finding::toString).collect(Collectors.joining("\n  ")));
    }
  }

  private static void find(List<Finding> out, String source, int line, Pattern p, String text,
      String rule) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(new Finding(source, line, rule, peek(m.group())));
    }
  }

  private static boolean authish(String key) {
    for (String a : AUTHISH) {
      if (key.contains(a)) {
        return true;
      }
    }
    return false;
  }

  /** Shannon entropy in bits per character. */
  static double entropy(String s) {
    int[] counts = new int[128];
    int other = 0;
    for (char c : s.toCharArray()) {
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double h = 0;
    int n = s.length();
    for (int c : counts) {
      if (c > 0) {
        double p = (double) c / n;
        h -= p * Math.log(p) / Math.log(2);
      }
    }
    if (other > 0) {
      double p = (double) other / n;
      h -= p * Math.log(p) / Math.log(2);
    }
    return h;
  }

  private static String peek(String value) {
    return (value.length() <= 4 ? value : value.substring(0, 4)) + "...";
  }
}

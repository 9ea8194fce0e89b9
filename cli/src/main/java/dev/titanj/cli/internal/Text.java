package dev.titanj.cli.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Small text helpers shared by the commands: plurals and "did you mean" suggestions. */
public final class Text {
  private Text() {}

  /** {@code 1 batch}, {@code 2 batches}, {@code 0 records}: the count and the noun, pluralized. */
  public static String count(long n, String noun) {
    return n + " " + plural(n, noun);
  }

  /** The noun for {@code n} of them: {@code batch}/{@code batches}, {@code record}/{@code records}. */
  public static String plural(long n, String noun) {
    if (n == 1) {
      return noun;
    }
    if (noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh")) {
      return noun + "es";
    }
    return noun + "s";
  }

  /**
   * The known names closest to {@code wanted} (ignoring case, dashes and underscores): those at
   * the smallest edit distance, if it is small (a name containing {@code wanted}, or contained in
   * it, counts as distance 2); at most three, in alphabetical order.
   */
  public static List<String> closest(String wanted, Collection<String> known) {
    String w = norm(wanted);
    List<String> out = new ArrayList<>();
    if (w.isEmpty()) {
      return out;
    }
    int limit = Math.max(2, w.length() / 3);
    List<String> best = new ArrayList<>();
    int bestScore = Integer.MAX_VALUE;
    List<String> sorted = new ArrayList<>(known);
    sorted.sort(Comparator.naturalOrder());
    for (String k : sorted) {
      String n = norm(k);
      int d = LevenshteinDistance.getDefaultInstance().apply(w, n);
      if (w.length() >= 4 && (n.contains(w) || w.contains(n))) {
        d = Math.min(d, 2);
      }
      if (d > limit || d > bestScore) {
        continue;
      }
      if (d < bestScore) {
        best.clear();
        bestScore = d;
      }
      best.add(k);
    }
    for (String k : best) {
      if (out.size() == 3) {
        break;
      }
      out.add(k);
    }
    return out;
  }

  /** {@code " (did you mean crm customers?)"}, or empty when nothing is close. */
  public static String didYouMean(String wanted, Collection<String> known, String prefix) {
    List<String> c = closest(wanted, known);
    if (c.isEmpty()) {
      return "";
    }
    List<String> shown = new ArrayList<>();
    c.forEach(s -> shown.add(prefix + s));
    return "did you mean " + String.join(" or ", shown) + "?";
  }

  private static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }
}

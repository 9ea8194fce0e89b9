package dev.titanj.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/** Turns wire names (JSON properties, paths, operation ids, enum names) into Java names. */
final class Names {
  private Names() {}

  /** Words of a name: split on non-alphanumerics and camel-case humps, acronyms kept together. */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      char ch = c[i];
      if (!Character.isLetterOrDigit(ch)) {
        flush(out, cur);
        continue;
      }
      if (cur.length() > 0) {
        char prev = c[i - 1];
        boolean boundary = Character.isUpperCase(ch)
            && (Character.isLowerCase(prev)
                || Character.isDigit(prev)
                || (Character.isUpperCase(prev) && i + 1 < c.length && Character.isLowerCase(c[i + 1])));
        if (boundary) {
          flush(out, cur);
        }
      }
      cur.append(ch);
    }
    flush(out, cur);
    return out;
  }

  private static void flush(List<String> out, StringBuilder cur) {
    if (cur.length() > 0) {
      out.add(cur.toString());
      cur.setLength(0);
    }
  }

  /** {@code business-units} -> {@code BusinessUnits}; keeps inner capitals ({@code APIModel}). */
  static String pascal(String s) {
    StringBuilder sb = new StringBuilder();
    for (String w : words(s)) {
      sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
    }
    String r = sb.toString();
    if (r.isEmpty() || !Character.isJavaIdentifierStart(r.charAt(0))) {
      r = "V" + r;
    }
    return r;
  }

  /** {@code customField.Operator} -> {@code customFieldOperator}; {@code ID} -> {@code id}. */
  static String camel(String s) {
    List<String> ws = words(s);
    if (ws.isEmpty()) {
      return "value";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ws.size(); i++) {
      String w = ws.get(i);
      if (i == 0) {
        boolean allUpper = w.equals(w.toUpperCase(Locale.ROOT));
        sb.append(allUpper ? w.toLowerCase(Locale.ROOT)
            : Character.toLowerCase(w.charAt(0)) + w.substring(1));
      } else {
        sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
      }
    }
    String r = sb.toString();
    if (!Character.isJavaIdentifierStart(r.charAt(0))) {
      r = "v" + r;
    }
    return r;
  }

  /** {@code LandlinePhone} -> {@code LANDLINE_PHONE}. */
  static String constant(String s) {
    List<String> ws = words(s);
    if (ws.isEmpty()) {
      return "EMPTY";
    }
    String r = String.join("_", ws).toUpperCase(Locale.ROOT);
    if (!Character.isJavaIdentifierStart(r.charAt(0))) {
      r = "V" + r;
    }
    return r;
  }

  /**
   * Whether a query parameter is an id list: {@code ids} or a name ending in {@code Ids}. A
   * string-typed one is sent comma-separated; core caps every id list at 50 ids by the same name
   * rule ({@code ListQuery.isIdList}).
   */
  static boolean isIdList(String paramName) {
    return paramName.equals("ids") || paramName.endsWith("Ids");
  }

  /** A safe member name: keywords and reserved names get a {@code Value} suffix. */
  static String safe(String name, Set<String> reserved) {
    if (!SourceVersion.isName(name) || reserved.contains(name)) {
      return name + "Value";
    }
    return name;
  }

  /** {@code customers} -> {@code customer}, {@code entries} -> {@code entry}, {@code statuses} -> {@code status}. */
  static String singular(String word) {
    if (word.endsWith("ies") && word.length() > 3) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.endsWith("sses") || word.endsWith("xes")
        || (word.endsWith("uses") && !word.endsWith("ouses"))
        || word.endsWith("ches") || word.endsWith("shes")) {
      return word.substring(0, word.length() - 2);
    }
    if (word.endsWith("s") && !word.endsWith("ss")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  /** Singularizes the last word of a dashed name, then Pascal-cases it. */
  static String entity(String resource) {
    List<String> ws = words(resource);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ws.size(); i++) {
      String w = i == ws.size() - 1 ? singular(ws.get(i)) : ws.get(i);
      sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
    }
    return sb.toString();
  }

  static String plural(String word) {
    if (word.endsWith("s")) {
      return word;
    }
    if (word.endsWith("y") && word.length() > 1 && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) {
      return word.substring(0, word.length() - 1) + "ies";
    }
    return word + "s";
  }

  static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  static String upperFirst(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}

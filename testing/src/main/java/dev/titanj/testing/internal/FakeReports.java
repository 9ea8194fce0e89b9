package dev.titanj.testing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Reporting API of the fake server ({@code /reporting/v2/tenant/{t}/...}): two categories,
 * three reports with typed parameters and fields, report data in pages with {@code hasMore} and
 * {@code totalCount}, and a dynamic value set. Deterministic: the rows of a report depend only on
 * its id. A run that lacks a required parameter or names an unknown one is a 400 naming it, as
 * the API answers. The fake does not enforce the one-run-per-minute limit (runners pointed at it
 * may use {@code ReportPacing.none()}).
 */
public final class FakeReports {
  private static final int ROWS = 120;

  private FakeReports() {}

  /** One report: description and rows. */
  private record Report(String category, long id, String name, List<Map<String, Object>> parameters,
      List<Map<String, Object>> fields) {}

  private static final List<Report> REPORTS = List.of(
      new Report("operations", 101, "Revenue by customer",
          List.of(parameter("From", "From", "Date", false, true, null),
              parameter("To", "To", "Date", false, true, null),
              parameter("BusinessUnitIds", "Business units", "Number", true, false,
                  Map.of("fields", List.of(field("Value", "Value", null), field("Name", "Name", null)),
                      "dynamicSetId", "business-units", "values",
                      List.of(List.of(1, "North"), List.of(2, "South"), List.of(3, "East")))),
              parameter("IncludeInactive", "Include inactive", "Boolean", false, false, null)),
          List.of(field("CustomerId", "Customer ID", "Number"),
              field("CustomerName", "Customer", "String"),
              field("Revenue", "Revenue", "Number"),
              field("Member", "Member", "Boolean"),
              field("CompletedOn", "Completed on", "Date"),
              field("LastVisit", "Last visit", "Time"))),
      new Report("operations", 102, "Jobs by status",
          List.of(parameter("DateType", "Date type", "String", false, false,
              Map.of("fields", List.of(field("Value", "Value", null)), "values",
                  List.of(List.of("Completed"), List.of("Created"))))),
          List.of(field("JobId", "Job", "Number"), field("Status", "Status", "String"))),
      new Report("accounting", 201, "Invoices by day", List.of(),
          List.of(field("Day", "Day", "Date"), field("Total", "Total", "Number"),
              field("Count", "Invoices", "Number"))));

  /**
   * Answers {@code method rest} below {@code reporting/v2/tenant/{t}/}; null when the path is
   * not a Reporting API path.
   */
  public static Map<String, Object> handle(String method, String rest,
      Map<String, List<String>> query, Map<String, Object> body) {
    String[] s = rest.split("/");
    if (s.length == 1 && s[0].equals("report-categories") && method.equals("GET")) {
      List<Object> cats = List.of(category("operations", "Operations"),
          category("accounting", "Accounting"));
      return page(cats, query, null);
    }
    if (s.length == 2 && s[0].equals("dynamic-value-sets") && method.equals("GET")) {
      if (!s[1].equals("business-units")) {
        throw ApiError.notFound("There is no such dynamic value set");
      }
      List<Object> rows = List.of(List.of(1, "North"), List.of(2, "South"), List.of(3, "East"));
      return page(rows, query, List.of(field("Value", "Value", null), field("Name", "Name", null)));
    }
    if (s.length >= 3 && s[0].equals("report-category") && s[2].equals("reports")) {
      String category = s[1];
      if (REPORTS.stream().noneMatch(r -> r.category.equals(category))) {
        throw ApiError.notFound("There is no such category");
      }
      if (s.length == 3 && method.equals("GET")) {
        List<Object> list = new ArrayList<>();
        for (Report r : REPORTS) {
          if (r.category.equals(category)) {
            list.add(Map.of("id", r.id, "name", r.name, "description", r.name + " (fake)"));
          }
        }
        return page(list, query, null);
      }
      Report report = REPORTS.stream().filter(r -> r.category.equals(category)
          && s.length >= 4 && s[3].equals(Long.toString(r.id))).findFirst()
          .orElseThrow(() -> ApiError.notFound("There is no such report with the category"));
      if (s.length == 4 && method.equals("GET")) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", report.id);
        d.put("name", report.name);
        d.put("description", report.name + " (fake)");
        d.put("modifiedOn", "2025-01-01T00:00:00Z");
        d.put("parameters", report.parameters);
        d.put("fields", report.fields);
        return d;
      }
      if (s.length == 5 && s[4].equals("data") && method.equals("POST")) {
        check(report, body);
        List<Object> headers = new ArrayList<>();
        for (Map<String, Object> f : report.fields) {
          headers.add(field((String) f.get("name"), (String) f.get("label"), null));
        }
        return page(rows(report), query, headers);
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static void check(Report report, Map<String, Object> body) {
    Object list = body == null ? null : body.get("parameters");
    if (!(list instanceof List)) {
      throw ApiError.badRequest("parameters", "The parameters field is required.");
    }
    Map<String, Object> given = new LinkedHashMap<>();
    for (Object o : (List<Object>) list) {
      if (o instanceof Map && ((Map<String, Object>) o).get("name") instanceof String) {
        given.put((String) ((Map<String, Object>) o).get("name"), ((Map<String, Object>) o).get("value"));
      }
    }
    for (String name : given.keySet()) {
      if (report.parameters.stream().noneMatch(p -> p.get("name").equals(name))) {
        throw ApiError.badRequest(name, "Unknown parameter " + name + ".");
      }
    }
    for (Map<String, Object> p : report.parameters) {
      if (Boolean.TRUE.equals(p.get("isRequired")) && given.get(p.get("name")) == null) {
        throw ApiError.badRequest((String) p.get("name"), "The parameter is required.");
      }
    }
  }

  private static List<Object> rows(Report report) {
    List<Object> out = new ArrayList<>();
    LocalDate day = LocalDate.of(2025, 1, 1);
    for (int i = 1; i <= ROWS; i++) {
      List<Object> row = new ArrayList<>();
      switch ((int) report.id) {
        case 101:
          row.add(1000 + i);
          row.add("Customer " + i);
          row.add(String.format(java.util.Locale.ROOT, "%d.%02d", 100 + i * 7, i % 100));
          row.add(i % 3 == 0);
          row.add(day.plusDays(i % 28).toString());
          row.add(i % 5 == 0 ? null : day.plusDays(i % 28) + "T1" + (i % 10) + ":30:00Z");
          break;
        case 102:
          row.add(5000 + i);
          row.add(i % 4 == 0 ? "Canceled" : "Completed");
          break;
        default:
          row.add(day.plusDays(i - 1).toString());
          row.add(i * 250 + 0.5);
          row.add(i % 9 + 1);
          break;
      }
      out.add(row);
    }
    return out;
  }

  private static Map<String, Object> page(List<Object> all, Map<String, List<String>> query,
      List<Object> fields) {
    int page = number(query, "page", 1);
    int size = number(query, "pageSize", 50);
    if (page < 1 || size < 1) {
      throw ApiError.badRequest("page", "page and pageSize must be positive.");
    }
    int from = (int) Math.min(all.size(), (long) (page - 1) * size);
    int to = Math.min(all.size(), from + size);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("page", page);
    out.put("pageSize", size);
    out.put("hasMore", to < all.size());
    List<String> total = query.get("includeTotal");
    out.put("totalCount", total != null && total.contains("true") ? all.size() : null);
    out.put("data", new ArrayList<>(all.subList(from, to)));
    if (fields != null) {
      out.put("fields", fields);
    }
    return out;
  }

  private static int number(Map<String, List<String>> query, String name, int dflt) {
    List<String> v = query.get(name);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.get(0));
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(name, "The value is not a valid number.");
    }
  }

  private static Map<String, Object> category(String id, String name) {
    return Map.of("id", id, "name", name);
  }

  private static Map<String, Object> field(String name, String label, String type) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("name", name);
    f.put("label", label);
    if (type != null) {
      f.put("dataType", type);
    }
    return f;
  }

  private static Map<String, Object> parameter(String name, String label, String type,
      boolean array, boolean required, Map<String, Object> accept) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", name);
    p.put("label", label);
    p.put("dataType", type);
    p.put("isArray", array);
    p.put("isRequired", required);
    p.put("acceptValues", accept);
    return p;
  }
}

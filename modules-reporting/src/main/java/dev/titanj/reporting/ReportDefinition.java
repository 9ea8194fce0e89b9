package dev.titanj.reporting;

import dev.titanj.reporting.model.DataType;
import dev.titanj.reporting.model.Report;
import dev.titanj.reporting.model.ReportField;
import dev.titanj.reporting.model.ReportParameter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A report as a typed description: where it lives, its input parameters and its columns. Made
 * from the API's description ({@link ReportRunner#describe(String, long)}) or from a
 * {@link Report} record at hand ({@link #of(String, Report)}, no request). The description
 * "isn't fixed and may be changed by the report owner": describe a report again when runs start
 * failing validation.
 *
 * @param category the category id ({@code operations}, {@code accounting}...)
 * @param id the report id
 * @param name the display name
 * @param modifiedOn when the report's structure last changed
 * @param inputs its parameters, in the description's order
 * @param columns its fields, in the description's order
 */
public record ReportDefinition(String category, long id, String name,
    Optional<Instant> modifiedOn, List<ReportInput> inputs, List<ReportColumn> columns) {
  public ReportDefinition {
    if (category == null || category.isBlank()) {
      throw new IllegalArgumentException("category must not be blank");
    }
    if (id <= 0) {
      throw new IllegalArgumentException("id must be positive, was " + id);
    }
    name = name == null ? "" : name;
    modifiedOn = modifiedOn == null ? Optional.empty() : modifiedOn;
    inputs = List.copyOf(inputs);
    columns = List.copyOf(columns);
  }

  /** The definition of {@code report} in {@code category}; parameters or fields without a name are left out. */
  public static ReportDefinition of(String category, Report report) {
    if (report == null) {
      throw new IllegalArgumentException("report must not be null");
    }
    List<ReportInput> inputs = new ArrayList<>();
    for (ReportParameter p : report.parameters()) {
      if (p.name().isEmpty() || p.name().get().isBlank()) {
        continue;
      }
      List<Object> accepted = new ArrayList<>();
      Optional<String> set = Optional.empty();
      if (p.acceptValues().isPresent()) {
        for (List<Object> row : p.acceptValues().get().values()) {
          if (!row.isEmpty() && row.get(0) != null) {
            accepted.add(row.get(0));
          }
        }
        set = p.acceptValues().get().dynamicSetId().filter(s -> !s.isBlank());
      }
      inputs.add(new ReportInput(p.name().get(), p.label().orElse(null),
          p.dataType().orElse(DataType.UNKNOWN), p.isArray().orElse(false),
          p.isRequired().orElse(false), accepted, set));
    }
    List<ReportColumn> columns = new ArrayList<>();
    for (ReportField f : report.fields()) {
      if (f.name().isPresent() && !f.name().get().isBlank()) {
        columns.add(new ReportColumn(f.name().get(), f.label().orElse(null),
            f.dataType().orElse(DataType.UNKNOWN)));
      }
    }
    return new ReportDefinition(category, report.id(), report.name().orElse(""),
        report.modifiedOn(), inputs, columns);
  }

  /** The parameter named {@code name}. */
  public Optional<ReportInput> input(String name) {
    return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  /** The column named {@code name}. */
  public Optional<ReportColumn> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** A builder of a validated parameter set for this report. */
  public ReportParameters.Builder parameters() {
    return ReportParameters.builder(this);
  }

  @Override
  public String toString() {
    return "ReportDefinition{" + category + "/" + id + " " + name + ", inputs="
        + inputs.stream().map(ReportInput::name).toList() + ", columns="
        + columns.stream().map(ReportColumn::name).toList() + "}";
  }
}

package dev.titanj.reporting;

import dev.titanj.reporting.model.DataType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One column of a report's rows, from the report's field metadata.
 *
 * @param name the field's name, the key of {@link ReportRow#get(String)}
 * @param label the name the reporting UI shows
 * @param dataType the declared type; {@link DataType#UNKNOWN} for a type this version does not
 *     know, or for a column the rows carry but the description does not list
 */
public record ReportColumn(String name, String label, DataType dataType) {
  public ReportColumn {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    label = label == null ? name : label;
    dataType = dataType == null ? DataType.UNKNOWN : dataType;
  }

  /**
   * The Java type of this column's values: {@code String}, {@code BigDecimal} (Number; read
   * integral ones with {@link ReportRow#getLong(String)}), {@code Boolean}, {@code LocalDate}
   * (Date) or {@code Instant} (Time), and {@code Object} (the value as JSON gave it) when the
   * type is unknown.
   */
  public Class<?> javaType() {
    switch (dataType) {
      case STRING: return String.class;
      case NUMBER: return BigDecimal.class;
      case BOOLEAN: return Boolean.class;
      case DATE: return LocalDate.class;
      case TIME: return Instant.class;
      default: return Object.class;
    }
  }
}

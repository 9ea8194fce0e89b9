package dev.titanj.reporting;

import dev.titanj.core.TitanException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of a report run: its values by column name, each typed by the report's field metadata
 * ({@link ReportColumn#javaType()}): Number → {@code BigDecimal}, String → {@code String},
 * Boolean → {@code Boolean}, Date → {@code LocalDate}, Time → {@code Instant} (a value without
 * an offset is read as UTC), and the JSON value as it came for an unknown type. A value that does
 * not fit its column's type fails the run with a {@link TitanException} naming the column.
 */
public final class ReportRow {
  private final List<ReportColumn> columns;
  private final Map<String, Integer> index;
  private final Object[] values;

  ReportRow(List<ReportColumn> columns, Map<String, Integer> index, Object[] values) {
    this.columns = columns;
    this.index = index;
    this.values = values;
  }

  /** The row's columns, in the order of the answer's {@code fields}. */
  public List<ReportColumn> columns() {
    return columns;
  }

  /**
   * The value of column {@code name}, of the column's Java type; null when the report sent null.
   *
   * @throws IllegalArgumentException if the rows have no such column
   */
  public Object get(String name) {
    Integer i = index.get(name);
    if (i == null) {
      throw new IllegalArgumentException("the report's rows have no column '" + name
          + "'; columns: " + index.keySet());
    }
    return values[i];
  }

  /** The value of column {@code name} as {@code type}. */
  public <T> Optional<T> get(String name, Class<T> type) {
    Object v = get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (!type.isInstance(v)) {
      throw new IllegalArgumentException("column '" + name + "' holds "
          + v.getClass().getSimpleName() + ", not " + type.getSimpleName());
    }
    return Optional.of(type.cast(v));
  }

  /** A String column. */
  public Optional<String> getString(String name) {
    return get(name, String.class);
  }

  /** A Number column. */
  public Optional<BigDecimal> getDecimal(String name) {
    return get(name, BigDecimal.class);
  }

  /** A Number column holding a whole number (an id, a count). */
  public Optional<Long> getLong(String name) {
    return getDecimal(name).map(d -> {
      try {
        return d.longValueExact();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("column '" + name + "' holds a number that is not a "
            + "whole long");
      }
    });
  }

  /** A Boolean column. */
  public Optional<Boolean> getBoolean(String name) {
    return get(name, Boolean.class);
  }

  /** A Date column. */
  public Optional<LocalDate> getDate(String name) {
    return get(name, LocalDate.class);
  }

  /** A Time column. */
  public Optional<Instant> getInstant(String name) {
    return get(name, Instant.class);
  }

  /** The row as a map from column name to value (nulls kept), in column order. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      m.put(columns.get(i).name(), values[i]);
    }
    return Collections.unmodifiableMap(m);
  }

  @Override
  public String toString() {
    return "ReportRow" + asMap();
  }

  /** The typed value of {@code column} from its JSON form. */
  static Object decode(ReportColumn column, Object raw) {
    if (raw == null) {
      return null;
    }
    try {
      switch (column.dataType()) {
        case STRING:
          return raw instanceof String ? raw : String.valueOf(raw);
        case NUMBER:
          if (raw instanceof Double || raw instanceof Float) {
            return BigDecimal.valueOf(((Number) raw).doubleValue());
          }
          if (raw instanceof Number) {
            return new BigDecimal(raw.toString());
          }
          if (raw instanceof String) {
            return new BigDecimal(((String) raw).trim());
          }
          break;
        case BOOLEAN:
          if (raw instanceof Boolean) {
            return raw;
          }
          if ("true".equalsIgnoreCase(String.valueOf(raw))
              || "false".equalsIgnoreCase(String.valueOf(raw))) {
            return Boolean.valueOf(String.valueOf(raw));
          }
          break;
        case DATE:
          if (raw instanceof String) {
            String s = ((String) raw).trim();
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
          }
          break;
        case TIME:
          if (raw instanceof String) {
            return instant(((String) raw).trim());
          }
          break;
        default:
          return raw;
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new TitanException("report column '" + column.name() + "' (" + column.dataType()
          + ") holds a value that is not a " + column.javaType().getSimpleName(), e);
    }
    throw new TitanException("report column '" + column.name() + "' (" + column.dataType()
        + ") holds a " + raw.getClass().getSimpleName() + ", not a "
        + column.javaType().getSimpleName());
  }

  private static Instant instant(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    }
  }
}

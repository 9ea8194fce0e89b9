package dev.titanj.reporting;

import dev.titanj.reporting.model.ReportDataParameter;
import dev.titanj.reporting.model.ReportDataRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input parameters of one run of one report, checked against the report's description
 * before anything is sent: {@link Builder#set(String, Object)} refuses a name the report does
 * not declare, a value of the wrong type (or a single value for a list parameter, and the other
 * way round), and a value outside the report's predefined values; {@link Builder#build()}
 * refuses a set that lacks a required parameter. Each refusal is an
 * {@link IllegalArgumentException} naming the parameters; no message quotes a value.
 *
 * <p>Values are sent in the API's forms: numbers as JSON numbers, {@code LocalDate} as
 * {@code 2025-01-31}, {@code Instant} as ISO-8601 UTC, {@code LocalTime} as {@code 08:30:00}.
 */
public final class ReportParameters {
  private final ReportDefinition report;
  private final Map<String, Object> values;

  private ReportParameters(ReportDefinition report, Map<String, Object> values) {
    this.report = report;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** A builder for runs of {@code report}. */
  public static Builder builder(ReportDefinition report) {
    if (report == null) {
      throw new IllegalArgumentException("report must not be null");
    }
    return new Builder(report);
  }

  /** The report these parameters are for. */
  public ReportDefinition report() {
    return report;
  }

  /** The values in wire form, by parameter name, in the order they were set. */
  public Map<String, Object> values() {
    return values;
  }

  /** The request body of a run. */
  ReportDataRequest toRequest() {
    ReportDataRequest.Builder b = ReportDataRequest.builder();
    List<ReportDataParameter> list = new ArrayList<>();
    values.forEach((name, value) -> list.add(ReportDataParameter.builder().name(name)
        .value(value).build()));
    return b.parameters(list).build();
  }

  @Override
  public String toString() {
    return "ReportParameters{" + report.category() + "/" + report.id() + ", " + values.keySet()
        + "}";
  }

  /** Collects and checks the values of one run. */
  public static final class Builder {
    private final ReportDefinition report;
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Builder(ReportDefinition report) {
      this.report = report;
    }

    /**
     * Sets parameter {@code name}.
     *
     * @throws IllegalArgumentException if the report has no such parameter, the value is null or
     *     of the wrong type, or not one of the report's accepted values
     */
    public Builder set(String name, Object value) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("parameter name must not be blank");
      }
      ReportInput input = report.input(name).orElseThrow(() -> new IllegalArgumentException(
          "report " + report.id() + " has no parameter '" + name + "'; its parameters: "
              + report.inputs().stream().map(ReportInput::name).toList()));
      values.put(name, wire(input, value));
      return this;
    }

    /** Sets every entry of {@code parameters}, as {@link #set(String, Object)} does. */
    public Builder setAll(Map<String, ?> parameters) {
      if (parameters == null) {
        throw new IllegalArgumentException("parameters must not be null");
      }
      parameters.forEach(this::set);
      return this;
    }

    /**
     * The checked parameter set.
     *
     * @throws IllegalArgumentException naming every required parameter that was not set
     */
    public ReportParameters build() {
      List<String> missing = new ArrayList<>();
      for (ReportInput input : report.inputs()) {
        if (input.required() && !values.containsKey(input.name())) {
          missing.add(input.name());
        }
      }
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException("report " + report.id()
            + " requires parameter" + (missing.size() == 1 ? " " : "s ") + missing
            + " that " + (missing.size() == 1 ? "was" : "were") + " not set");
      }
      return new ReportParameters(report, values);
    }

    private static Object wire(ReportInput input, Object value) {
      if (value == null) {
        throw new IllegalArgumentException("parameter '" + input.name()
            + "' must not be null (leave an optional parameter unset instead)");
      }
      if (input.array()) {
        if (!(value instanceof Collection) || ((Collection<?>) value).isEmpty()) {
          throw wrongType(input, value);
        }
        List<Object> out = new ArrayList<>();
        for (Object element : (Collection<?>) value) {
          if (element == null) {
            throw new IllegalArgumentException("parameter '" + input.name()
                + "' must not contain null");
          }
          out.add(accepted(input, one(input, element, value)));
        }
        return Collections.unmodifiableList(out);
      }
      if (value instanceof Collection || value.getClass().isArray()) {
        throw wrongType(input, value);
      }
      return accepted(input, one(input, value, value));
    }

    private static Object one(ReportInput input, Object v, Object whole) {
      switch (input.dataType()) {
        case STRING:
          if (v instanceof CharSequence) {
            return v.toString();
          }
          break;
        case NUMBER:
          Object n = number(v);
          if (n != null) {
            return n;
          }
          break;
        case BOOLEAN:
          if (v instanceof Boolean) {
            return v;
          }
          break;
        case DATE:
          if (v instanceof LocalDate) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format((LocalDate) v);
          }
          break;
        case TIME:
          if (v instanceof Instant) {
            return DateTimeFormatter.ISO_INSTANT.format((Instant) v);
          }
          if (v instanceof LocalTime) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format((LocalTime) v);
          }
          break;
        default:
          if (v instanceof CharSequence) {
            return v.toString();
          }
          if (v instanceof Boolean) {
            return v;
          }
          Object u = number(v);
          if (u != null) {
            return u;
          }
          break;
      }
      throw wrongType(input, whole);
    }

    /** A Long or BigDecimal for an integral or decimal Java number; null for anything else. */
    private static Object number(Object v) {
      if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
        return ((Number) v).longValue();
      }
      if (v instanceof BigDecimal) {
        return v;
      }
      if (v instanceof BigInteger) {
        return new BigDecimal((BigInteger) v);
      }
      if ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())) {
        return BigDecimal.valueOf(((Number) v).doubleValue());
      }
      return null;
    }

    private static Object accepted(ReportInput input, Object wire) {
      if (input.acceptedValues().isEmpty()) {
        return wire;
      }
      for (Object ok : input.acceptedValues()) {
        if (same(ok, wire)) {
          return wire;
        }
      }
      throw new IllegalArgumentException("parameter '" + input.name() + "' takes one of the "
          + input.acceptedValues().size() + " values the report accepts"
          + input.dynamicSetId().map(s -> " (dynamic value set '" + s + "')").orElse("")
          + "; the value given is not one of them");
    }

    private static boolean same(Object accepted, Object wire) {
      if (accepted instanceof Number && (wire instanceof Number)) {
        return new BigDecimal(accepted.toString()).compareTo(new BigDecimal(wire.toString())) == 0;
      }
      return String.valueOf(accepted).equals(String.valueOf(wire));
    }

    private static IllegalArgumentException wrongType(ReportInput input, Object value) {
      return new IllegalArgumentException("parameter '" + input.name() + "' ("
          + input.dataType().name() + (input.array() ? " list" : "") + ") takes "
          + input.expected() + ", not " + value.getClass().getSimpleName());
    }
  }
}

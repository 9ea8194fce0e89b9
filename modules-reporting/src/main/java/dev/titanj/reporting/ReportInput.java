package dev.titanj.reporting;

import dev.titanj.reporting.model.DataType;
import java.util.List;
import java.util.Optional;

/**
 * One input parameter of a report, from its description.
 *
 * @param name the name {@link ReportParameters.Builder#set(String, Object)} takes
 * @param label the name the reporting UI shows
 * @param dataType the type of the value (of each element, for an array)
 * @param array whether the report takes a list of values
 * @param required whether a run must set it
 * @param acceptedValues the keys of the predefined values the report accepts (the first column
 *     of {@code acceptValues.values}); empty when any value of the type is accepted
 * @param dynamicSetId the dynamic value set the accepted values come from (business units,
 *     technicians...), read with {@link ReportRunner#dynamicValues(String)}
 */
public record ReportInput(String name, String label, DataType dataType, boolean array,
    boolean required, List<Object> acceptedValues, Optional<String> dynamicSetId) {
  public ReportInput {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    label = label == null ? name : label;
    dataType = dataType == null ? DataType.UNKNOWN : dataType;
    acceptedValues = acceptedValues == null ? List.of()
        : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(acceptedValues));
    dynamicSetId = dynamicSetId == null ? Optional.empty() : dynamicSetId;
  }

  /** The Java types a value of this parameter may have, for messages. */
  String expected() {
    String one;
    switch (dataType) {
      case STRING: one = "String"; break;
      case NUMBER: one = "a number (Integer, Long, BigDecimal...)"; break;
      case BOOLEAN: one = "Boolean"; break;
      case DATE: one = "LocalDate"; break;
      case TIME: one = "Instant or LocalTime"; break;
      default: one = "String, number or Boolean"; break;
    }
    return array ? "a non-empty collection of " + one : one;
  }
}

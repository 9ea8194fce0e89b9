package dev.titanj.testing.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables a "scenario" test class unless a test launches it through the JUnit Platform with
 * the configuration parameter {@value #PARAMETER} set, so a broad {@code -Dtest=} pattern never
 * runs it on its own.
 */
public final class LaunchedOnly implements ExecutionCondition {
  public static final String PARAMETER = "titanj.test.scenario";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return context.getConfigurationParameter(PARAMETER).isPresent()
        ? ConditionEvaluationResult.enabled("launched by a scenario test")
        : ConditionEvaluationResult.disabled("runs only when launched by its scenario test");
  }
}

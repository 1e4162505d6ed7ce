package io.cvolsim.scenarios.properties;

import io.cvolsim.checker.history.History;
import io.cvolsim.checker.linear.Budget;
import io.cvolsim.checker.linear.CheckResult;
import io.cvolsim.checker.linear.LinearizabilityChecker;
import io.cvolsim.checker.model.ModelRegistry;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import java.util.ArrayList;
import java.util.List;
import io.cvolsim.checker.model.InitialValue;

/**
 * The API-visible volume state is linearizable against Cinder's volume status machine (reference
 * §2.2), checked per volume. A spent budget is UNKNOWN, never a pass.
 */
public final class LinearizabilityProperty {
  public static final String NAME = "linearizability";
  private static final long TIME_BUDGET_MILLIS = 20_000;

  private LinearizabilityProperty() {}

  public static PropertyResult check(History history) {
    CheckResult result;
    try {
      result = LinearizabilityChecker.check(history,
          ModelRegistry.standard().create("cinder-volume", InitialValue.none()),
          Budget.defaults().withTimeBudgetMillis(TIME_BUDGET_MILLIS));
    } catch (Exception e) {
      throw new IllegalStateException("checking the run's own history failed: " + e.getMessage(), e);
    }
    String counts = result.operationCount() + " operations in " + result.partitions().size() + " volumes";
    switch (result.verdict()) {
      case LINEARIZABLE:
        return new PropertyResult(NAME, "always", PropertyStatus.HOLDS, counts, List.of());
      case UNKNOWN:
        return new PropertyResult(NAME, "always", PropertyStatus.UNKNOWN,
            counts + "; " + result.unknownReason().orElse("budget spent"), List.of());
      default:
        List<String> witness = new ArrayList<>();
        result.witness().ifPresent(w -> witness.addAll(w.describe().lines().toList()));
        return new PropertyResult(NAME, "always", PropertyStatus.VIOLATED,
            counts + "; the history cannot be linearized", witness);
    }
  }
}

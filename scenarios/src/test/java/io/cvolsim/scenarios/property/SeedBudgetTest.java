package io.cvolsim.scenarios.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeedBudgetTest {
  @Test
  void nightlyProperty_selectsTheLongerBudget() {
    SeedBudget budget = SeedBudget.of(1, 200);
    String before = System.getProperty(SeedBudget.NIGHTLY_PROPERTY);
    try {
      System.setProperty(SeedBudget.NIGHTLY_PROPERTY, "false");
      assertThat(budget.lastSeed()).isEqualTo(200);
      assertThat(budget.shrinkRuns()).isEqualTo(SeedBudget.SHRINK_RUNS_CI);
      System.setProperty(SeedBudget.NIGHTLY_PROPERTY, "true");
      assertThat(budget.lastSeed()).isEqualTo(2_000);
      assertThat(budget.shrinkRuns()).isEqualTo(SeedBudget.SHRINK_RUNS_NIGHTLY);
    } finally {
      if (before == null) {
        System.clearProperty(SeedBudget.NIGHTLY_PROPERTY);
      } else {
        System.setProperty(SeedBudget.NIGHTLY_PROPERTY, before);
      }
    }
  }

  @Test
  void inconsistentBudgets_areRejected() {
    assertThatThrownBy(() -> SeedBudget.of(10, 9)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SeedBudget(1, 10, 5, 10, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SeedBudget(1, 10, 10, 0, 10)).isInstanceOf(IllegalArgumentException.class);
  }
}

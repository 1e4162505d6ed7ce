package io.cvolsim.scenarios.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The property-test API fails loudly, with a seed, a shrunk counterexample and repro commands. */
class PropertyCheckTest {
  private static final SeedBudget SMALL = new SeedBudget(1, 20, 20, 40, 40);

  @Test
  void expectAllHold_onABrokenVariant_failsWithSeedCounterexampleAndReproLines() {
    PropertyCheck check = PropertyCheck.forScenario("api-races").with("api.transition=read-check-write").budget(SMALL);
    assertThatThrownBy(check::expectAllHold).isInstanceOf(AssertionError.class)
        .hasMessageContaining("api-races with api.transition=read-check-write: seed 2 violated linearizability")
        .hasMessageContaining("seed repro: ./cvolsim replay --seed 2 --scenario api-races --set api.transition=read-check-write")
        .hasMessageContaining("operations: ")
        .hasMessageContaining("violated: linearizability")
        .hasMessageMatching("(?s).*replay: \\./cvolsim replay \\S+api-races-seed-2\\.cvolsim.*");
  }

  @Test
  void expectViolation_onTheSafeVariant_failsSayingNoneWasFound() {
    PropertyCheck check = PropertyCheck.forScenario("api-races").budget(new SeedBudget(1, 3, 3, 10, 10));
    assertThatThrownBy(() -> check.expectViolation("linearizability")).isInstanceOf(AssertionError.class)
        .hasMessage("api-races: expected a violation of linearizability in seeds 1..3, found none");
  }

  @Test
  void expectAllHold_countsTheSeedsRun() {
    assertThat(PropertyCheck.forScenario("api-races").budget(new SeedBudget(1, 3, 3, 10, 10)).expectAllHold())
        .isEqualTo(3);
  }
}

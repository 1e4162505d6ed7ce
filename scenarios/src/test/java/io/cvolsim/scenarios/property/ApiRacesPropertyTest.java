package io.cvolsim.scenarios.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.scenarios.properties.LinearizabilityProperty;
import org.junit.jupiter.api.Test;

/**
 * V1 of the reference: moving a volume's status by reading it, checking it in the API and then
 * writing it lets two API requests both pass the check. The checker must catch it in api-races
 * and shrink it to a short counterexample; Cinder's compare-and-swap must hold.
 */
class ApiRacesPropertyTest {
  @Test
  void readCheckWrite_isCaught_andShrinksToFewerOperations() {
    PropertyCheck.Found found = PropertyCheck.forScenario("api-races")
        .with("api.transition=read-check-write").seeds(1, 200)
        .expectViolation(LinearizabilityProperty.NAME);
    ShrunkRun shrunk = found.shrunk();
    assertThat(shrunk.operationsAfter()).isLessThan(shrunk.operationsBefore());
    assertThat(shrunk.drawsAfter()).isLessThan(shrunk.drawsBefore());
    assertThat(found.text()).contains("seed repro: ./cvolsim replay --seed " + found.seed())
        .contains("replay: ./cvolsim replay " + found.file());
  }

  @Test
  void compareAndSwap_holdsOverTheSeedBudget() {
    assertThat(PropertyCheck.forScenario("api-races").seeds(1, 80).expectAllHold()).isGreaterThanOrEqualTo(80);
  }
}

package io.cvolsim.scenarios.planted;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.scenarios.run.RunOutcome;
import io.cvolsim.scenarios.run.RunSpec;
import io.cvolsim.scenarios.run.Runner;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * V2: the rejected per-condition error loop. A delete of a volume with a snapshot fails on the
 * has-snapshots filter, which the API's own checks cannot see, so every expected value looks
 * fine and the loop retries for ever: the API spins until the run ends (first at seed 3 of
 * deployment-api-races, about 15,000 retries). With the retry cap it stops after three.
 */
class ErrorLoopPlantedTest {
  private static final String LOOP = "api.error-loop-retry";

  private static long retries(RunOutcome outcome) {
    return outcome.report().probes().getOrDefault(LOOP, 0L);
  }

  @Test
  void unboundedLoop_spinsOnAFilterItCannotCheck_theCapStopsIt() {
    Optional<RunOutcome> spinning = PlantedBug.in("deployment-api-races", "api.error_reporting=precise-unbounded")
        .firstShowing(1, 6, outcome -> retries(outcome) > 10_000);
    assertThat(spinning).as("an API spinning in its error loop within seeds 1..6").isPresent();
    RunSpec capped = PlantedBug.in("deployment-api-races", "api.error_reporting=precise-bounded")
        .spec(spinning.get().spec().seed());
    assertThat(retries(Runner.run(capped, false))).isLessThan(100);
  }
}

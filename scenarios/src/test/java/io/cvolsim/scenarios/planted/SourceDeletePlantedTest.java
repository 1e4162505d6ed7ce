package io.cvolsim.scenarios.planted;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.scenarios.run.RunOutcome;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * V14: refusing to delete a volume that is being cloned costs no safety but breaks the implicit
 * contract of §7.6 that "create B from A, then delete A" succeeds. The cost shows as the API's
 * probe {@code api.clone-source-delete-refused}; under Cinder's queuing it never fires, and S2
 * holds either way. No property judges API contracts, so the probe is the prediction checked.
 */
class SourceDeletePlantedTest {
  private static final Predicate<RunOutcome> REFUSED_A_SOURCE_DELETE =
      outcome -> outcome.report().probes().getOrDefault("api.clone-source-delete-refused", 0L) > 0;

  @Test
  void rejectingSourceDeletes_refusesCloneThenDelete_whileQueuingNever() {
    Optional<RunOutcome> refused = PlantedBug.in("deployment-api-races", "api.source_delete=reject")
        .firstShowing(1, 40, REFUSED_A_SOURCE_DELETE);
    assertThat(refused).as("a refused clone-source delete in seeds 1..40").isPresent();
    assertThat(refused.get().report().violated()).isFalse();
    assertThat(PlantedBug.in("deployment-api-races", "api.source_delete=queue")
        .firstShowing(1, 40, REFUSED_A_SOURCE_DELETE)).isEmpty();
  }
}

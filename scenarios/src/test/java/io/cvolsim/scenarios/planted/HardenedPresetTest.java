package io.cvolsim.scenarios.planted;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.scenarios.property.SeedBudget;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The hardened preset must hold every property under the swarm. It does not yet, and these tests
 * stay disabled until it does; each finding is a witness seed to replay (see the report of issue 5):
 * <ul>
 *   <li>S1: a client's force-delete of a volume still being created runs the driver delete on one
 *       c-vol while the create runs on another (deployment-api-races, every seed 1..30); no variant
 *       prevents it, the array only fails the create afterwards.
 *   <li>S4: in the same workload, 20 of seeds 1..30.
 *   <li>L1/S7: a cast the scheduler publishes is lost to net.loss (seed 1, deployment), and a
 *       c-vol cut from the database drops a job it was delivered while the row stays with a live
 *       service (seed 11, deployment, net.loss=0%).
 * </ul>
 */
class HardenedPresetTest {
  @Disabled("finding: hardened violates S1, S4 and L1 (see the class comment); re-enable once fixed")
  @Test
  void hardened_holdsEverythingUnderTheSwarm_ciBudget() {
    assertThat(PlantedBug.in("swarm").check().budget(SeedBudget.of(1, 20)).expectAllHold()).isPositive();
  }

  @Disabled("finding: as above")
  @Tag("nightly")
  @Test
  void hardened_holdsEverythingUnderTheSwarm_nightlyBudget() {
    assertThat(PlantedBug.in("swarm").check().budget(new SeedBudget(1, 200, 2_000, 300, 3_000))
        .expectAllHold()).isPositive();
  }
}

package io.cvolsim.scenarios.planted;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.scenarios.property.SeedBudget;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The hardened preset must hold every property under the swarm (net.loss=0%, see below). It does
 * not yet, so these tests stay disabled; each finding names a witness to replay:
 * <ul>
 *   <li>S1 without any fault: a client's force-delete of a volume still being created runs the
 *       driver delete on one c-vol while the create (or clone) runs on another; no variant key
 *       prevents it (deployment, nemesis=off, net.loss=0%: 22 of seeds 1..60; seed 2, vol-1.3).
 *       Fault assumption it needs: no force-delete of a volume whose create is still running.
 *   <li>S4 without any fault: 2 of seeds 1..60 of the same runs.
 *   <li>L1 and S7 under cut-from-db (21 of 60 swarm seeds with only that kind allowed), loss
 *       bursts (14 of 60) and splits (4 of 60): a c-vol that cannot reach the database drops a job
 *       it was delivered while its workers row stays with a live service (seed 11 of the
 *       deployment, net.loss=0%), and a cast lost on its way to the broker leaves a volume in
 *       creating forever (seed 1 of the deployment at the default net.loss=1%). Fault assumption:
 *       no message loss on the way to the broker and no c-vol cut from the database alone.
 *   <li>Linearizability: 2 of 60 swarm seeds with every kind allowed.
 *   <li>is_up.clock=db-server does not keep a skewed node up: the heartbeat's updated_at is still
 *       stamped with the writer's clock, so a c-vol 71 s behind is cleaned while alive (swarm,
 *       clock-skew only, run.duration=300s, seed 13). Fault assumption until the database stamps
 *       heartbeats itself: node clocks within service_down_time − report_interval of the database.
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

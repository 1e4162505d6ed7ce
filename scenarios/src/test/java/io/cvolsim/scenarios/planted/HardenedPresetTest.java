package io.cvolsim.scenarios.planted;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import io.cvolsim.reports.RunReport;
import io.cvolsim.scenarios.properties.ReachabilityGoals;
import io.cvolsim.scenarios.property.SeedBudget;
import io.cvolsim.scenarios.run.RunSpec;
import io.cvolsim.scenarios.run.Runner;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The hardened preset holds every property, within the fault assumptions its preset states:
 * links lose no single message, admins reset only stuck volumes and do not force cleanup of live
 * services (is_up=true), and nothing stalls longer than its lease. Under the deployment scenario's
 * nemesis (180 s window, stalls at claims) it held in 300 of 300 seeds on 2026-11-30; under the swarm minus loss bursts, admin resets and forced cleanups in 200 of seeds
 * 1..200 (an admin's reset to available of a volume the array never made breaks S5, as the
 * assumption says).
 *
 * <p>Findings that were the model's, now fixed:
 * <ul>
 *   <li>L1 under the swarm in 6 to 9 of seeds 1..200 (11, 57, 98, 103, 150, 181, ...): a cast sent
 *       while its sender was cut from the broker was dropped by the network, the job acknowledged,
 *       and the volume left creating under a live service's workers row. Links now behave as TCP
 *       (net.tcp_hold=on: a cut delays messages; a request whose caller gave up is rolled back),
 *       and the nightly budget below holds in all 200 seeds. {@code net.tcp_hold=off} brings the
 *       lossy cuts back.
 * </ul>
 * (A third finding, that is_up.clock=db-server judged heartbeats stamped with the writers' clocks,
 * is fixed: under that rule the database stamps heartbeats and the scheduler reads its clock.)
 */
class HardenedPresetTest {
  /** Every swarm fault but loss bursts, admin resets and forced cleanups: the preset's assumptions. */
  private static final String WITHIN_ASSUMPTIONS = "swarm.faults=crash,pause,cut-from-db,cut-from-dlm,"
      + "cut-from-broker,cut-from-storage,split-services,redelivery,clock-skew,clock-drift,slow-storage,force-delete,replace,db-deadlocks";

  @Test
  void hardened_holdsEverythingUnderTheDeploymentNemesis() {
    assertThat(PlantedBug.in("deployment").check().budget(new SeedBudget(1, 40, 1_000, 100, 1_000))
        .expectAllHold()).isPositive();
  }

  /**
   * Reachability, so that the passes above mean something: the deployment's stalls wait for a
   * claim and can outlast service_down_time, so the acceptance sweep meets zombies (7 of seeds
   * 1..300): in seed 57 c-vol-3, stalled at 127 s, is declared down and cleaned up, and its late
   * snapshot is refused by storage fencing - and still every property holds. (Seed 27, pinned
   * here before, was no zombie: a revocation decided before c-vol-2 restarted shut the new
   * process out; revocations now name the incarnation, see the next test.)
   */
  @Test
  void hardened_meetsAZombie_andStillHolds() {
    RunReport report = Runner.run(RunSpec.seeded("deployment", Optional.of("hardened"), 57, List.of()), false)
        .report();
    assertThat(report.properties()).filteredOn(result -> result.name().equals(ReachabilityGoals.ZOMBIE))
        .singleElement().extracting(PropertyResult::status).isEqualTo(PropertyStatus.HOLDS);
    assertThat(report.violatedProperties()).isEmpty();
  }

  /**
   * A scheduler judged c-vol-2 down on a read from before it restarted (seed 27). Revoking the host
   * shuts the restarted process out: its array calls are refused and its creates fail while it
   * heartbeats. Naming the incarnation, the array refuses the late revocation and the cleanup is
   * withheld. With host revocations the property 'fencing targets the process judged down' fails in
   * 13 of seeds 1..300, with incarnations in none.
   */
  @Test
  void hardened_refusesARevocationOfAnIncarnationThatRestarted() {
    RunReport byHost = Runner.run(RunSpec.seeded("deployment", Optional.of("hardened"), 27,
        List.of("fencing.revocation=host")), false).report();
    RunReport byIncarnation = Runner.run(RunSpec.seeded("deployment", Optional.of("hardened"), 27, List.of()), false)
        .report();
    assertThat(byHost.probes()).containsKey("storage.refused-revoked-node");
    assertThat(byIncarnation.probes()).containsKey("storage.stale-revocation-refused")
        .containsKey("fencing.failed-cleanup-withheld").doesNotContainKey("storage.refused-revoked-node");
    assertThat(byIncarnation.probes().get("manager.create-failed")).isLessThan(byHost.probes().get("manager.create-failed"));
    assertThat(byIncarnation.violatedProperties()).isEmpty();
  }

  /**
   * With the attachments API, a force-delete accepted while an attachment was reserved used to be
   * overwritten by the detach's status write, and the delete's CAS completion then refused: the
   * volume ended available with nothing on the array (S5 and L4 in seeds 3, 17, 18 of 1..60).
   * Under CAS completions the attach flow's ending writes now spare a delete.
   */
  @Test
  void hardened_holdsWithTheAttachmentsApi_aDetachNeverOverwritesADelete() {
    assertThat(PlantedBug.in("deployment", "workload.attach_api=attachments").check().seeds(1, 20).expectAllHold())
        .isPositive();
  }

  /** With quota usage kept, racing creates and deletes count each volume once (S13). */
  @Test
  void hardened_keepsQuotaUsageExact_underApiRaces() {
    assertThat(PlantedBug.in("deployment-api-races", "quota.tracking=on").check().seeds(1, 8).expectAllHold())
        .isPositive();
  }

  /**
   * With a provisioning limit, every placement counted what it should have known (S13): reports
   * sum the backend from the database. Reachability: the CapacityFilter did refuse creates.
   */
  @Test
  void hardened_neverOverProvisions_withATightProvisioningLimit() {
    SortedMap<String, Long> probes = PlantedBug.in("deployment", "backend.capacity_gb=4", "workload.volumes=8",
        "workload.clients=8").check().seeds(1, 10).expectAllHoldTotallingProbes();
    assertThat(probes.getOrDefault("scheduler.capacity-filtered", 0L)).isPositive();
  }

  @Test
  void hardened_holdsEverythingUnderTheSwarm_withinItsFaultAssumptions() {
    assertThat(PlantedBug.in("swarm", WITHIN_ASSUMPTIONS).check().budget(SeedBudget.of(12, 31))
        .expectAllHold()).isPositive();
  }

  @Tag("nightly")
  @Test
  void hardened_holdsEverythingUnderTheSwarm_nightlyBudget() {
    assertThat(PlantedBug.in("swarm", WITHIN_ASSUMPTIONS).check().budget(new SeedBudget(1, 200, 2_000, 300, 3_000))
        .expectAllHold()).isPositive();
  }
}

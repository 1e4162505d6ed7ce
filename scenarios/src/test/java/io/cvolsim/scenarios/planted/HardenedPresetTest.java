package io.cvolsim.scenarios.planted;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import io.cvolsim.reports.RunReport;
import io.cvolsim.scenarios.config.Presets;
import io.cvolsim.scenarios.properties.CapabilityConvergenceProperty;
import io.cvolsim.scenarios.properties.LockSafetyProperty;
import io.cvolsim.scenarios.properties.StorageExclusivityProperty;
import io.cvolsim.scenarios.properties.ReachabilityGoals;
import io.cvolsim.scenarios.property.PropertyCheck;
import io.cvolsim.scenarios.property.SeedBudget;
import io.cvolsim.scenarios.run.RunSpec;
import io.cvolsim.scenarios.run.Runner;
import io.cvolsim.scenarios.run.ScenarioCatalog;
import io.cvolsim.scenarios.swarm.FaultKind;
import io.cvolsim.scenarios.swarm.FaultMenu;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The hardened preset holds every property, within the fault assumptions its preset states:
 * links lose no single message, admins reset only stuck volumes and do not force cleanup of live
 * services (is_up=true), the infrastructure is not split apart, and no clock runs more than 20%
 * slower than the DLM server's. With quota usage, attachment rows and a 40 GB provisioning limit
 * kept, it held on its own scenario, all-faults (both nemeses at once, the 16 kinds its
 * assumptions allow), in all of seeds 1..3000 on 2026-11-30, under the deployment scenario's
 * nemesis in all of 1..1000, and under the swarm in all of 1..3000, since its lock holder knows
 * its lease and stalls and cut-offs are no longer bounded by the lease (before, it assumed every
 * silence from the DLM shorter than 100 s).
 *
 * <p>Found beyond seed 300 on 2026-11-30 and fixed: a job that timed out on the database six times
 * was dropped (L1, seed 1365); a second run of a create_snapshot let a delete in beside the first
 * (S1, 1325); an 85 s stall and a cut from etcd added up past the 90 s lease (S10, 1219; now a
 * 120 s lease and a 100 s silence bound); a skewed member's held capability report beat newer ones
 * (L6; now database stamps); and three checker errors (S8 1694, L2 321/504/1901/2227, L6 386/1338).
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
  private static final String WITHIN_ASSUMPTIONS = PlantedBug.WITHIN_ASSUMPTIONS;

  /**
   * The acceptance sweep as a test: hardened on the scenario a preset runs (both nemeses, every
   * fault kind its assumptions leave on the menu) holds in every seed, injects every kind on its
   * menu, and reaches every interesting state, a lease expiring under a live holder included: the
   * holder gave the lock up first (see {@link #hardened_withATrustingHolder_losesLockSafetyWhenALeaseRunsOut}).
   */
  @Test
  void hardened_onItsOwnScenario_holds_injectsEveryKindOnItsMenu_andMeetsZombiesAndCleanups() {
    RunSpec first = RunSpec.seeded(ScenarioCatalog.resolve(null, true), Optional.of("hardened"), 1, List.of());
    List<String> menuProbes = FaultMenu.of(first.kind(), first.settings()).stream().map(FaultKind::probe).toList();
    TreeSet<String> probesSeen = new TreeSet<>();
    TreeSet<String> goalsReached = new TreeSet<>();
    for (long seed = 1; seed <= 150; seed++) {
      RunReport report = Runner.run(RunSpec.seeded(first.scenario(), Optional.of("hardened"), seed, List.of()), false)
          .report();
      assertThat(report.violatedProperties()).as("seed %d", seed).isEmpty();
      probesSeen.addAll(report.probes().keySet());
      report.properties().stream().filter(result -> result.status() == PropertyStatus.HOLDS)
          .map(PropertyResult::name).filter(name -> name.startsWith("sometimes")).forEach(goalsReached::add);
    }
    assertThat(menuProbes).hasSize(FaultKind.values().length - 3);
    assertThat(probesSeen).containsAll(menuProbes);
    assertThat(goalsReached).contains(ReachabilityGoals.CLEANUP_RAN, ReachabilityGoals.ZOMBIE,
        ReachabilityGoals.REDELIVERED, ReachabilityGoals.SOURCE_LOCK_WAITED, ReachabilityGoals.LEASE_EXPIRED);
  }

  @Tag("nightly")
  @Test
  void hardened_onItsOwnScenario_nightlyBudget() {
    PropertyCheck check = PropertyCheck.forScenario(ScenarioCatalog.ALL_FAULTS);
    Presets.HARDENED.assignments().forEach(check::with);
    assertThat(check.budget(new SeedBudget(1, 150, 3_000, 300, 3_000)).expectAllHold()).isPositive();
  }

  @Test
  void hardened_holdsEverythingUnderTheDeploymentNemesis() {
    assertThat(PlantedBug.in("deployment").check().budget(new SeedBudget(1, 40, 1_000, 100, 1_000))
        .expectAllHold()).isPositive();
  }

  /**
   * Reachability, so that the passes above mean something: the deployment's stalls wait for a
   * claim and can outlast service_down_time, so the acceptance sweep meets zombies (3 of seeds
   * 1..300): in seed 12 c-vol-3 is given up while stalled, and its late deletes and creates are
   * refused by storage fencing (its access revoked) - and still every property holds.
   */
  @Test
  void hardened_meetsAZombie_andStillHolds() {
    RunReport report = Runner.run(RunSpec.seeded("deployment", Optional.of("hardened"), 12, List.of()), false)
        .report();
    assertThat(report.properties()).filteredOn(result -> result.name().equals(ReachabilityGoals.ZOMBIE))
        .singleElement().extracting(PropertyResult::status).isEqualTo(PropertyStatus.HOLDS);
    assertThat(report.violatedProperties()).isEmpty();
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

  /**
   * The holder is what keeps S10 once silences outlast the lease. On all-faults seed 49, c-vol-2
   * takes snap-vol-2.10's delete lock at 39.8 s, stalls at 43.5 s for 44.6 s, and a split then
   * keeps it from etcd until 160.8 s. The lease runs out at 162.3 s and c-vol-3 takes the lock at
   * 162.5 s. Tooz's holder (unaware) still believes until it releases at 169.6 s: S10 fails, as the
   * reference predicts for any lease, while storage fencing keeps S1. Hardened's lease-aware holder
   * gave the lock up at 138.3 s by its own clock: everything holds, and the expiry under a live
   * holder is reported as reached.
   */
  @Test
  void hardened_withATrustingHolder_losesLockSafetyWhenALeaseRunsOut() {
    RunReport unaware = Runner.run(RunSpec.seeded(ScenarioCatalog.ALL_FAULTS, Optional.of("hardened"), 49,
        List.of("coordination.holder=unaware")), false).report();
    assertThat(unaware.violatedProperties()).containsExactly(LockSafetyProperty.NAME);
    assertThat(unaware.properties()).filteredOn(result -> result.name().equals(StorageExclusivityProperty.NAME))
        .singleElement().extracting(PropertyResult::status).isEqualTo(PropertyStatus.HOLDS);

    RunReport leaseAware = Runner.run(RunSpec.seeded(ScenarioCatalog.ALL_FAULTS, Optional.of("hardened"), 49,
        List.of()), false).report();
    assertThat(leaseAware.violatedProperties()).isEmpty();
    assertThat(leaseAware.properties()).filteredOn(result -> result.name().equals(ReachabilityGoals.LEASE_EXPIRED))
        .singleElement().satisfies(result -> {
          assertThat(result.status()).isEqualTo(PropertyStatus.HOLDS);
          assertThat(result.witness()).anySatisfy(line -> assertThat(line).contains("c-vol-2").contains("GAVE_UP"));
        });
  }

  /**
   * Swarm seed 1321: a split keeps both schedulers apart from the rest for 89 s, and c-vol-2's clock
   * is skewed 75 s ahead meanwhile; the report it sent at 5.5 s reaches the schedulers after newer
   * honest ones. Stamped by c-vol-2's clock it wins (L6, 2 of seeds 1..3000 with Cinder's stamps,
   * 1321 and 2792; 1881 before the presets kept quota, attachment rows and a capacity limit);
   * stamped by the database it keeps its true place.
   */
  @Test
  void hardened_ordersCapabilityReportsByTheDatabaseClock_notAMembersSkewedOne() {
    RunReport byMember = Runner.run(RunSpec.seeded("swarm", Optional.of("hardened"), 1321,
        List.of(WITHIN_ASSUMPTIONS, "scheduler.capability_stamp=volume-service")), false).report();
    RunReport byDatabase = Runner.run(RunSpec.seeded("swarm", Optional.of("hardened"), 1321,
        List.of(WITHIN_ASSUMPTIONS)), false).report();
    assertThat(byMember.violatedProperties()).containsExactly(CapabilityConvergenceProperty.NAME);
    assertThat(byDatabase.violatedProperties()).isEmpty();
  }

  /**
   * Seeds that failed on 2026-11-30, now held. Swarm 658: an attach's volume completion landed and
   * its attachment's write was a deadlock victim, and the redelivered run then ended the row,
   * leaving the volume in-use with no live attachment (S14; now both are written in one
   * transaction, as Cinder's volume_attached does). Swarm 1781: a delete ran under a clone whose
   * caller had timed out and released the source's lock (S1, S2; now the array refuses it). Swarm
   * 1266: a c-vol skewed ahead claimed a row and died, came back skewed behind, and its startup
   * cleanup, bounded by its own clock, passed over the row (L2; hardened now stamps workers rows and
   * bounds cleanups by the database's clock, though since restarts save their services row the seed
   * holds with writer clocks too, so WorkersClockTest carries that mechanism). Deployment 2388: a c-vol that died before its first beat restarted
   * without saving its services row, so down decisions named the dead incarnation, the array
   * refused them and the cleanups were withheld (L2; now a start saves the row, as Cinder's does).
   * Deployment 6339 and 6748 under the swarm's faults: the cluster's only cleanup orders sat with
   * members that could not run them (the crashed owner until the broker's heartbeat timeout, a
   * paused or cut member) when the owner came back (L2; the checker now calls an order the broker
   * still held a caveat, as it does a claim still running).
   */
  @Test
  void hardened_holdsInSeedsThatFailedBefore() {
    for (long seed : new long[] {658, 1781, 1266}) {
      RunReport report = Runner.run(RunSpec.seeded("swarm", Optional.of("hardened"), seed,
          List.of(WITHIN_ASSUMPTIONS)), false).report();
      assertThat(report.violatedProperties()).as("swarm seed %d", seed).isEmpty();
    }
    RunReport deployment = Runner.run(RunSpec.seeded("deployment", Optional.of("hardened"), 2388, List.of()), false)
        .report();
    assertThat(deployment.violatedProperties()).as("deployment seed 2388").isEmpty();
    for (long seed : new long[] {6339, 6748}) {
      RunReport swarmFaults = Runner.run(RunSpec.seeded("deployment", Optional.of("hardened"), seed,
          List.of(WITHIN_ASSUMPTIONS)), false).report();
      assertThat(swarmFaults.violatedProperties()).as("deployment seed %d with the swarm's faults", seed).isEmpty();
    }
  }

  @Tag("nightly")
  @Test
  void hardened_holdsEverythingUnderTheSwarm_nightlyBudget() {
    assertThat(PlantedBug.in("swarm", WITHIN_ASSUMPTIONS).check().budget(new SeedBudget(1, 200, 2_000, 300, 3_000))
        .expectAllHold()).isPositive();
  }
}

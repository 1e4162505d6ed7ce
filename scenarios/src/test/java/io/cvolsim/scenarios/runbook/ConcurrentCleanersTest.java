package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.api.VolumeRequest;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.rpc.CleanupResponse;
import io.cvolsim.model.workers.CleanupClaim;
import io.cvolsim.model.workers.CleanupRequest;
import io.cvolsim.model.workers.CleanupTrigger;
import io.cvolsim.model.workers.WorkerEvent;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import io.cvolsim.scenarios.properties.CleanupOnceProperty;
import io.cvolsim.scenarios.runbook.ScriptedClient.Reply;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Runbook 4, reference §5.5: the cleanup claim is a CAS on the row's version, so of several
 * cleaners working on one dead service at once exactly one wins each row; the others' claims
 * fail (CLAIM_LOST). Without the CAS (V7, {@code cleanup.claim=none}) both run the action.
 */
class ConcurrentCleanersTest {
  private static final int VOLUMES = 6;

  /**
   * Intent: a c-vol dies holding several {@code deleting} rows (20 s deletes on the array); once
   * it is down, two admins ask two API nodes for {@code POST /workers/cleanup} at the same
   * instant. The two live members each run a cleanup of the dead service; every row version is
   * cleaned by exactly one of them, some claims are lost, S8 holds, and the volumes end deleted.
   */
  @Test
  void racepreventerClaim_twoCleanersAtOnce_eachRowCleanedOnce() {
    Cleanup cleanup = deadServiceCleanedTwiceAtOnce(RunbookKnobs.cinderToday());

    assertThat(cleanup.first.answer().cleaning()).contains(cleanup.deadHost);
    assertThat(cleanup.second.answer().cleaning()).contains(cleanup.deadHost);
    SortedMap<String, List<Long>> cleaners = cleanup.deployment.workerLog().cleanersByRowVersion();
    assertThat(cleaners).hasSize(cleanup.deadRows);
    assertThat(cleaners.values()).allSatisfy(services -> assertThat(services).hasSize(1));
    assertThat(claimingServices(cleanup.deployment)).as("two cleaners raced").hasSize(2);
    assertThat(cleanup.deployment.workerLog().events(WorkerEvent.Kind.CLAIM_LOST)).isNotEmpty();
    assertThat(CleanupOnceProperty.check(cleanup.deployment.artifacts()).status()).isEqualTo(PropertyStatus.HOLDS);
    cleanup.deployment.runUntil("every volume deleted", () -> IntStream.rangeClosed(1, VOLUMES)
        .allMatch(number -> cleanup.deployment.volume(volume(number)).isTrue("deleted")), cleanup.atNanos + seconds(120));
  }

  /**
   * Intent: the contrast, claims by id without CAS or {@code until}: the same two cleaners both
   * win some row and both run its delete, so S8 is violated with that row version as witness.
   */
  @Test
  void noClaimCas_twoCleanersAtOnce_someRowCleanedTwice() {
    Cleanup cleanup = deadServiceCleanedTwiceAtOnce(RunbookKnobs.cinderToday().withCleanupClaim(CleanupClaim.NONE));

    SortedMap<String, List<Long>> cleaners = cleanup.deployment.workerLog().cleanersByRowVersion();
    assertThat(cleaners.values()).anySatisfy(services -> assertThat(services).hasSize(2));
    PropertyResult cleanupOnce = CleanupOnceProperty.check(cleanup.deployment.artifacts());
    assertThat(cleanupOnce.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(cleanupOnce.witness()).isNotEmpty();
  }

  /**
   * Intent: the same dead c-vol under the spec's automatic cleanup (V9), with no admin at all.
   * Both schedulers sample the services every 60 s and, not knowing of each other, both send a
   * cleanup of the dead service on the sample that finds it down twice; the claim CAS absorbs the
   * duplicate: two cleaners race, each row version is cleaned once, and every volume ends deleted.
   */
  @Test
  void automaticCleanup_bothSchedulersCleanTheDeadService_claimsAbsorbTheDuplicate() {
    Dead dead = crashTheBusiestDeleter(RunbookKnobs.cinderToday().withCleanupTrigger(CleanupTrigger.AUTO));
    RunbookDeployment deployment = dead.deployment;
    deployment.runUntil("every volume deleted", () -> IntStream.rangeClosed(1, VOLUMES)
        .allMatch(number -> deployment.volume(volume(number)).isTrue("deleted")), dead.crashedAtNanos + seconds(240));

    SortedMap<String, List<Long>> cleaners = deployment.workerLog().cleanersByRowVersion();
    assertThat(cleaners).hasSize(dead.rows);
    assertThat(cleaners.values()).allSatisfy(services -> assertThat(services).hasSize(1));
    assertThat(claimingServices(deployment)).as("both schedulers' cleanups ran").hasSize(2);
    assertThat(deployment.workerLog().events(WorkerEvent.Kind.CLAIM_LOST)).isNotEmpty();
    assertThat(CleanupOnceProperty.check(deployment.artifacts()).status()).isEqualTo(PropertyStatus.HOLDS);
  }

  /** A c-vol that died holding several {@code deleting} rows. */
  private record Dead(RunbookDeployment deployment, NodeId node, int rows, long crashedAtNanos) {}

  /** The run after both cleanups were answered, and what the script learned on the way. */
  private record Cleanup(RunbookDeployment deployment, String deadHost, int deadRows, long atNanos,
      Reply<CleanupResponse> first, Reply<CleanupResponse> second) {}

  /**
   * 80 s after the crash (down on every clock, its array calls ended) two admins ask two API
   * nodes for a cleanup of down services at the same instant.
   */
  private static Cleanup deadServiceCleanedTwiceAtOnce(RunbookKnobs knobs) {
    Dead dead = crashTheBusiestDeleter(knobs);
    RunbookDeployment deployment = dead.deployment;
    long cleanupAt = dead.crashedAtNanos + seconds(80);
    Reply<CleanupResponse> first = deployment.cleanup(cleanupAt, CleanupRequest.allDown(), deployment.apiNode(1));
    Reply<CleanupResponse> second = deployment.cleanup(cleanupAt, CleanupRequest.allDown(), deployment.apiNode(2));
    deployment.runUntil("both cleanups answered", () -> first.isAnswered() && second.isAnswered(),
        cleanupAt + seconds(30));
    deployment.runUntil(cleanupAt + seconds(60));
    return new Cleanup(deployment, dead.node.name() + "@lvm", dead.rows, cleanupAt, first, second);
  }

  /**
   * Create six volumes, delete them all (20 s deletes on the array); once every delete holds
   * its row, crash the c-vol with the most rows.
   */
  private static Dead crashTheBusiestDeleter(RunbookKnobs knobs) {
    RunbookDeployment deployment = RunbookDeployment.start(knobs.withDelete(seconds(20)));
    long at = RunbookDeployment.WARMED_UP_NANOS;
    for (int number = 1; number <= VOLUMES; number++) {
      deployment.send(at + millis(100) * number, VolumeRequest.Create.empty(volume(number), "lvm"));
    }
    deployment.runUntil("every volume available", () -> IntStream.rangeClosed(1, VOLUMES)
        .allMatch(number -> "available".equals(deployment.status(volume(number)))), seconds(40));
    long deleteAt = deployment.nowNanos();
    for (int number = 1; number <= VOLUMES; number++) {
      deployment.send(deleteAt + millis(100) * number, new VolumeRequest.Delete(volume(number), false));
    }
    deployment.runUntil("every delete holds its row", () -> ownersOfDeletingRows(deployment).size() == VOLUMES,
        deleteAt + seconds(10));
    NodeId dead = busiestOwner(deployment);
    int deadRows = (int) ownersOfDeletingRows(deployment).values().stream()
        .filter(owner -> owner == deployment.serviceId(dead)).count();
    assertThat(deadRows).as("the dead c-vol holds several rows").isGreaterThanOrEqualTo(2);
    deployment.crash(dead);
    return new Dead(deployment, dead, deadRows, deployment.nowNanos());
  }

  private static String volume(int number) {
    return "V" + number;
  }

  /** Volume id to owning service id, for {@code deleting} rows a c-vol has claimed. */
  private static SortedMap<String, Long> ownersOfDeletingRows(RunbookDeployment deployment) {
    SortedMap<String, Long> owners = new TreeMap<>();
    for (Row row : deployment.workers()) {
      Long owner = (Long) row.get("service_id");
      if ("deleting".equals(row.get("status")) && owner != null && deployment.isVolumeService(owner)) {
        owners.put(row.string("resource_id"), owner);
      }
    }
    return owners;
  }

  private static NodeId busiestOwner(RunbookDeployment deployment) {
    SortedMap<Long, Integer> counts = new TreeMap<>();
    ownersOfDeletingRows(deployment).values().forEach(owner -> counts.merge(owner, 1, Integer::sum));
    long busiest = counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
    return deployment.volumeNodeOfService(busiest);
  }

  private static List<Long> claimingServices(RunbookDeployment deployment) {
    return deployment.workerLog().events(WorkerEvent.Kind.CLAIM_ATTEMPT).stream().map(WorkerEvent::serviceId)
        .distinct().toList();
  }
}

package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.api.VolumeRequest;
import io.cvolsim.model.broker.BrokerEvent;
import io.cvolsim.model.broker.BrokerLogEntry;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.workers.WorkerEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runbook 3, reference §5.4 and bug #1271568: a c-vol restarted with the same host finds its
 * services row again and runs {@code do_cleanup} on its own workers rows in {@code init_host},
 * before any RPC consumer starts; so what it was doing when it died is cleaned before it can
 * take new work.
 */
class RestartCleansOwnRowsTest {
  private static final String VOLUME = "V";
  /** Longer than the 30 s array call the dead node left running, so the array has finished it. */
  private static final long RESTART_AFTER_NANOS = seconds(40);
  /** After the restarted node's services row read (a round trip), before its driver has started. */
  private static final long CUT_AFTER_RESTART_NANOS = io.cvolsim.kernel.api.Durations.millis(30);

  /**
   * Intent: crash a c-vol while it owns V's {@code creating} row (a 30 s create on the array),
   * restart it 40 s later: its cleanup of V (ACTION_RUN under its own service id) comes before
   * its new broker connection, and V ends {@code error}.
   */
  @Test
  void restartDuringCreate_cleansItsCreatingRowBeforeConsuming_volumeEndsError() {
    RunbookDeployment deployment = RunbookDeployment.start(RunbookKnobs.cinderToday().withCreate(seconds(30)));
    deployment.send(RunbookDeployment.WARMED_UP_NANOS, VolumeRequest.Create.empty(VOLUME, "lvm"));
    Restart restart = crashOwnerThenRestart(deployment, "creating");

    deployment.awaitStatus(VOLUME, "error", restart.atNanos + seconds(30));
    assertCleanedBeforeConsuming(deployment, restart);
    assertThat(deployment.workerOf(VOLUME)).as("the row is gone").isNull();
  }

  /**
   * Intent: the same for a delete: crash the c-vol while it owns V's {@code deleting} row (a
   * 30 s delete on the array), restart it 40 s later; its startup cleanup re-runs the delete
   * before it consumes, and V ends deleted.
   */
  @Test
  void restartDuringDelete_rerunsTheDeleteBeforeConsuming_volumeEndsDeleted() {
    RunbookDeployment deployment = RunbookDeployment.start(RunbookKnobs.cinderToday().withDelete(seconds(30)));
    deployment.send(RunbookDeployment.WARMED_UP_NANOS, VolumeRequest.Create.empty(VOLUME, "lvm"));
    long available = deployment.awaitStatus(VOLUME, "available", seconds(40));
    deployment.send(available, new VolumeRequest.Delete(VOLUME, false));
    Restart restart = crashOwnerThenRestart(deployment, "deleting");

    // The re-run delete is a second 30 s call on the array.
    deployment.runUntil("V deleted", () -> deployment.volume(VOLUME).isTrue("deleted"),
        restart.atNanos + seconds(45));
    assertCleanedBeforeConsuming(deployment, restart);
    assertThat(deployment.workerOf(VOLUME)).as("the row is gone").isNull();
  }

  /**
   * Intent: Cinder's init_host raises when its cleanup cannot reach the database, and the service
   * does not start. Restart the owner of V's creating row and cut it off from the database once
   * it has read its services row, while it starts its driver, until 20 s later: its start-up
   * cleanup fails, is retried, and runs only after the link heals - and still before the node
   * subscribes to any queue.
   */
  @Test
  void restartCutFromTheDatabase_retriesItsCleanup_andConsumesOnlyAfterIt() {
    RunbookDeployment deployment = RunbookDeployment.start(RunbookKnobs.cinderToday().withCreate(seconds(30)));
    deployment.send(RunbookDeployment.WARMED_UP_NANOS, VolumeRequest.Create.empty(VOLUME, "lvm"));
    deployment.runUntil("a c-vol owns V's creating row", () -> ownedByVolumeNode(deployment, "creating"), seconds(60));
    long serviceId = (Long) deployment.workerOf(VOLUME).get("service_id");
    NodeId owner = deployment.volumeNodeOfService(serviceId);
    deployment.crash(owner);
    long restartAt = deployment.nowNanos() + RESTART_AFTER_NANOS;
    long healAt = restartAt + seconds(20);
    deployment.at(restartAt + CUT_AFTER_RESTART_NANOS, "cut " + owner + " from the database",
        () -> deployment.cutFromDatabase(owner));
    deployment.at(restartAt, "restart " + owner, () -> deployment.restart(owner));
    deployment.at(healAt, "heal " + owner + " and the database", () -> deployment.healDatabaseLink(owner));

    deployment.awaitStatus(VOLUME, "error", healAt + seconds(30));
    Restart restart = new Restart(owner, serviceId, restartAt);
    assertCleanedBeforeConsuming(deployment, restart);
    WorkerEvent action = deployment.workerLog().events(WorkerEvent.Kind.ACTION_RUN).get(0);
    assertThat(action.trueTimeNanos()).as("the cleanup ran once the database was back").isGreaterThan(healAt);
  }

  /** The restarted node, its service id, and when it came back. */
  private record Restart(NodeId node, long serviceId, long atNanos) {}

  /** Waits until a c-vol owns V's row in {@code status}, crashes it, and restarts it later. */
  private static Restart crashOwnerThenRestart(RunbookDeployment deployment, String status) {
    deployment.runUntil("a c-vol owns V's " + status + " row", () -> ownedByVolumeNode(deployment, status),
        seconds(60));
    long serviceId = (Long) deployment.workerOf(VOLUME).get("service_id");
    NodeId owner = deployment.volumeNodeOfService(serviceId);
    deployment.crash(owner);
    long restartAt = deployment.nowNanos() + RESTART_AFTER_NANOS;
    deployment.at(restartAt, "restart " + owner, () -> deployment.restart(owner));
    deployment.runUntil(restartAt);
    assertThat(deployment.status(VOLUME)).as("nobody touched V while its owner was dead").isEqualTo(status);
    return new Restart(owner, serviceId, restartAt);
  }

  private static boolean ownedByVolumeNode(RunbookDeployment deployment, String status) {
    Row row = deployment.workerOf(VOLUME);
    if (row == null || !status.equals(row.get("status")) || row.get("service_id") == null) {
      return false;
    }
    return deployment.isVolumeService((Long) row.get("service_id"));
  }

  /** ACTION_RUN on V by the restarted service, after the restart, before its broker connection. */
  private static void assertCleanedBeforeConsuming(RunbookDeployment deployment, Restart restart) {
    List<WorkerEvent> actions = deployment.workerLog().events(WorkerEvent.Kind.ACTION_RUN);
    assertThat(actions).hasSize(1);
    WorkerEvent action = actions.get(0);
    assertThat(action.serviceId()).as("cleaned by the restarted service itself").isEqualTo(restart.serviceId);
    assertThat(action.row().resourceId()).isEqualTo(VOLUME);
    assertThat(action.trueTimeNanos()).isGreaterThan(restart.atNanos);
    BrokerLogEntry connection = firstConnectionAfter(deployment, restart);
    assertThat(action.trueTimeNanos()).as("cleanup ran before the restarted node subscribed")
        .isLessThan(connection.atNanos());
    assertThat(deployment.brokerLog().entries(BrokerEvent.DISPATCH_STARTED).stream()
        .filter(entry -> entry.node().equals(restart.node) && entry.atNanos() > restart.atNanos)
        .allMatch(entry -> entry.atNanos() > action.trueTimeNanos())).isTrue();
  }

  /** Runs on until the restarted node connects: it does so right after its cleanup, which may end the wait. */
  private static BrokerLogEntry firstConnectionAfter(RunbookDeployment deployment, Restart restart) {
    deployment.runUntil(restart.node + " connected to the broker again",
        () -> connectionAfter(deployment, restart).isPresent(), deployment.nowNanos() + seconds(10));
    return connectionAfter(deployment, restart).orElseThrow();
  }

  private static java.util.Optional<BrokerLogEntry> connectionAfter(RunbookDeployment deployment, Restart restart) {
    return deployment.brokerLog().entries(BrokerEvent.CONNECTION_OPENED).stream()
        .filter(entry -> entry.node().equals(restart.node) && entry.atNanos() > restart.atNanos).findFirst();
  }
}

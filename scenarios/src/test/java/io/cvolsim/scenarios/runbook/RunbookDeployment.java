package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;

import io.cvolsim.checker.history.HistoryRecorder;
import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.choice.RecordingChoices;
import io.cvolsim.kernel.sim.LinkProfile;
import io.cvolsim.kernel.sim.Simulation;
import io.cvolsim.kernel.sim.SimulationOptions;
import io.cvolsim.model.api.ApiResponse;
import io.cvolsim.model.api.VolumeRequest;
import io.cvolsim.model.api.WorkersCleanupRequest;
import io.cvolsim.model.broker.BrokerLog;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.dlm.LockLog;
import io.cvolsim.model.rpc.CleanupResponse;
import io.cvolsim.model.storage.StorageIoLog;
import io.cvolsim.model.workers.CleanupRequest;
import io.cvolsim.model.workers.ServiceLiveness;
import io.cvolsim.model.workers.WorkerEvent;
import io.cvolsim.model.workers.WorkerLog;
import io.cvolsim.scenarios.deployment.DeploymentTopology;
import io.cvolsim.scenarios.deployment.NodeControl;
import io.cvolsim.scenarios.properties.RunArtifacts;
import io.cvolsim.scenarios.runbook.ScriptedClient.Reply;
import io.cvolsim.scenarios.workload.CompletionRecorder;
import io.cvolsim.kernel.sim.NodeState;
import io.cvolsim.model.rpc.ServiceSignal;
import io.cvolsim.model.service.ServiceLog;
import java.util.List;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * A full deployment (reference §1) as {@code DeploymentWorld} builds it, but with no random
 * clients and no nemesis: the runbook is the only source of requests and faults. It offers the
 * runbook's verbs (send, crash, restart, pause, cut off, heal), a way to run until something is
 * true, and readings of the database and the logs the properties read.
 */
final class RunbookDeployment {
  static final String BINARY = "cinder-volume";
  static final long SERVICE_DOWN_TIME_NANOS = seconds(60);
  /**
   * When a runbook may begin: every service has beaten once (after report_interval, 10 s) and
   * every c-vol has reported its capabilities (within 10 s), so the schedulers can place volumes.
   */
  static final long WARMED_UP_NANOS = seconds(20);
  private static final long EVENT_BUDGET = 5_000_000;
  /** How finely {@link #runUntil(String, BooleanSupplier, long)} looks at the world. */
  private static final long POLL_NANOS = millis(50);
  private final RunbookKnobs knobs;
  private final RunbookAttachments attachments;
  private final Simulation simulation;
  private final DeploymentTopology topology;
  private final Database database = new Database();
  private final HistoryRecorder history;
  private final RunbookNodes.Logs logs;
  private final NodeControl control;
  private final NodeId clientNode = NodeId.of("client-1");
  private ScriptedClient client;

  private RunbookDeployment(RunbookKnobs knobs, RunbookAttachments attachments) {
    this.knobs = knobs;
    this.attachments = attachments;
    this.simulation = new Simulation(new SimulationOptions(EVENT_BUDGET, false,
        LinkProfile.reliable(millis(1), millis(10))), RecordingChoices.seeded(knobs.seed()));
    this.topology = DeploymentTopology.of(knobs.schedulerNodes(), knobs.volumeNodes(), knobs.apiNodes(), 1,
        knobs.coordination());
    this.history = new HistoryRecorder(simulation::nowNanos);
    this.logs = new RunbookNodes.Logs(new BrokerLog(simulation::nowNanos),
        new LockLog(simulation::nowNanos, simulation::trueTimeOfMonotonic),
        new WorkerLog(simulation::nowNanos), new StorageIoLog(simulation::nowNanos), new ServiceLog(simulation::nowNanos));
    this.control = new NodeControl(simulation, knobs.coordination(), logs.locks(), logs.services());
  }

  /** Builds the deployment; every node starts at time zero. */
  static RunbookDeployment start(RunbookKnobs knobs) {
    return start(knobs, null);
  }

  /** As {@link #start(RunbookKnobs)}, with API nodes that also serve the attachments API. */
  static RunbookDeployment start(RunbookKnobs knobs, RunbookAttachments attachments) {
    RunbookDeployment deployment = new RunbookDeployment(knobs, attachments);
    deployment.build();
    return deployment;
  }

  private void build() {
    new RunbookNodes(knobs, simulation, topology, logs, control, attachments).addAll(database, new CompletionRecorder(history));
    simulation.addNode(clientNode, context -> {
      client = new ScriptedClient(context, history, simulation::nowNanos);
      return client;
    });
  }

  // ---- the script's verbs ------------------------------------------------------------------

  /** Sends {@code request} through the first API node at true time {@code atNanos}. */
  Reply<ApiResponse> send(long atNanos, VolumeRequest request) {
    return send(atNanos, request, topology.apiNodes().get(0));
  }

  Reply<ApiResponse> send(long atNanos, VolumeRequest request, NodeId api) {
    Reply<ApiResponse>[] reply = newReplySlot();
    at(atNanos, "client: " + request.operation() + " " + request.volumeId(),
        () -> reply[0] = client.send(api, request));
    runUntil(atNanos);
    return reply[0];
  }

  /** An admin's {@code POST /workers/cleanup} with these filters, through {@code api}. */
  Reply<CleanupResponse> cleanup(long atNanos, CleanupRequest filters, NodeId api) {
    @SuppressWarnings("unchecked")
    Reply<CleanupResponse>[] reply = new Reply[1];
    at(atNanos, "admin: workers cleanup via " + api,
        () -> reply[0] = client.cleanup(api, new WorkersCleanupRequest(filters)));
    runUntil(atNanos);
    return reply[0];
  }

  @SuppressWarnings("unchecked")
  private static Reply<ApiResponse>[] newReplySlot() {
    return new Reply[1];
  }

  void at(long atNanos, String label, Runnable action) {
    simulation.scheduleAt(atNanos, "runbook: " + label, action);
  }

  void crash(NodeId node) {
    control.crash(node);
  }

  void restart(NodeId node) {
    control.restartIfCrashed(node);
  }

  /** The machine of {@code lost} is gone for good; a new one joins the cluster as a new host. */
  NodeId replace(NodeId lost) {
    control.retire(lost);
    control.crash(lost);
    return control.startReplacement(lost);
  }

  /** SIGTERM to the node's process: the graceful shutdown of oslo.service. */
  void terminate(NodeId node) {
    simulation.signal(node, new ServiceSignal.Terminate());
  }

  boolean isRunning(NodeId node) {
    return simulation.state(node) == NodeState.RUNNING;
  }

  void pause(NodeId node) {
    simulation.pause(node);
  }

  void resume(NodeId node) {
    control.resumeIfPaused(node);
  }

  /** From now on {@code node}'s clocks gain {@code driftPpm} per million (negative: lose). */
  void driftClock(NodeId node, long driftPpm) {
    control.setClockDrift(node, driftPpm);
  }

  /** Cuts {@code node} off from the database only, both ways; broker, DLM and array still answer. */
  void cutFromDatabase(NodeId node) {
    simulation.network().blockBoth(node, topology.database());
  }

  /** From now on a cut link keeps its messages and delivers them when it heals, as TCP would. */
  void holdMessagesOnCuts() {
    simulation.network().holdOnPartition(true);
  }

  /** Cuts {@code node} off from the array only, both ways. */
  void cutFromStorage(NodeId node) {
    simulation.network().blockBoth(node, topology.storage());
  }

  void healStorageLink(NodeId node) {
    healBoth(node, topology.storage());
  }

  void healDatabaseLink(NodeId node) {
    healBoth(node, topology.database());
  }

  private void healBoth(NodeId a, NodeId b) {
    simulation.network().heal(a, b);
    simulation.network().heal(b, a);
  }

  /** The c-vol whose set_worker claimed the volume's workers row first, or null if none has yet. */
  NodeId volumeNodeThatClaimed(String volumeId) {
    return workerLog().events(WorkerEvent.Kind.SET).stream()
        .filter(event -> event.row().resourceId().equals(volumeId) && event.node().startsWith("c-vol-"))
        .map(event -> NodeId.of(event.node())).findFirst().orElse(null);
  }

  // ---- running -------------------------------------------------------------------------------

  void runUntil(long atNanos) {
    simulation.runUntil(atNanos);
  }

  /**
   * Runs, looking every 50 ms of true time, until {@code condition} holds; returns the time it
   * was first seen. Fails the runbook, naming {@code what}, if it does not hold by the deadline.
   */
  long runUntil(String what, BooleanSupplier condition, long deadlineNanos) {
    while (!condition.getAsBoolean()) {
      if (simulation.nowNanos() >= deadlineNanos) {
        throw new AssertionError("not by " + Durations.formatTimestamp(deadlineNanos) + ": " + what + "\n"
            + describe());
      }
      simulation.runUntil(Math.min(deadlineNanos, simulation.nowNanos() + POLL_NANOS));
    }
    return simulation.nowNanos();
  }

  /**
   * Runs one event at a time until {@code condition} holds, so that a fault can land between
   * two events (right after a delivery, before the handler's next step); returns the time.
   */
  long stepUntil(String what, BooleanSupplier condition, long deadlineNanos) {
    while (!condition.getAsBoolean()) {
      if (simulation.nowNanos() > deadlineNanos || !simulation.step()) {
        throw new AssertionError("not by " + Durations.formatTimestamp(deadlineNanos) + ": " + what + "\n"
            + describe());
      }
    }
    return simulation.nowNanos();
  }

  /** Volumes and workers rows, for a failing runbook's message. */
  String describe() {
    return "volumes " + database.rows(Database.VOLUMES) + "\nworkers " + workers();
  }

  /** Runs until the volume has this status; returns the time it was first seen. */
  long awaitStatus(String volumeId, String status, long deadlineNanos) {
    return runUntil(volumeId + " " + status, () -> status.equals(status(volumeId)), deadlineNanos);
  }

  long nowNanos() {
    return simulation.nowNanos();
  }

  // ---- readings ------------------------------------------------------------------------------

  NodeId volumeNode(int number) {
    return topology.volumeNodes().get(number - 1);
  }

  NodeId apiNode(int number) {
    return topology.apiNodes().get(number - 1);
  }

  NodeId scheduler(int number) {
    return topology.schedulers().get(number - 1);
  }

  /** The live volume row, or null when it was never created. */
  Row volume(String id) {
    return database.table(Database.VOLUMES).get(id);
  }

  /** The attachment row, deleted or not, or null when none was written. */
  Row attachment(String id) {
    return database.table(Database.ATTACHMENTS).get(id);
  }

  String status(String id) {
    Row volume = volume(id);
    return volume == null ? null : volume.string("status");
  }

  /** The services row of a c-vol node: its host is {@code node@backend}. */
  Row service(NodeId volumeNode) {
    String host = volumeNode.name() + "@" + DeploymentTopology.BACKEND;
    return database.rows(Database.SERVICES).stream()
        .filter(row -> host.equals(row.get("host")) && BINARY.equals(row.get("binary")))
        .findFirst().orElseThrow(() -> new AssertionError("no services row for " + host));
  }

  long serviceId(NodeId volumeNode) {
    return service(volumeNode).longValue("id", 0);
  }

  /** The c-vol node whose services row has this id. */
  NodeId volumeNodeOfService(long serviceId) {
    return topology.volumeNodes().stream().filter(node -> serviceId(node) == serviceId).findFirst()
        .orElseThrow(() -> new AssertionError("no c-vol has service id " + serviceId));
  }

  boolean isVolumeService(long serviceId) {
    return topology.volumeNodes().stream().anyMatch(node -> serviceId(node) == serviceId);
  }

  /** Whether {@code reader} would call the service up now, by Cinder's reader-clock rule. */
  boolean looksUp(NodeId volumeNode, NodeId reader) {
    return ServiceLiveness.readerClock(SERVICE_DOWN_TIME_NANOS)
        .serviceIsUp(service(volumeNode), simulation.localTimeNanos(reader));
  }

  /** The workers row of a volume, or null. */
  Row workerOf(String volumeId) {
    return database.rows(Database.WORKERS).stream().filter(row -> volumeId.equals(row.get("resource_id")))
        .findFirst().orElse(null);
  }

  List<Row> workers() {
    return database.rows(Database.WORKERS);
  }

  StorageIoLog storageLog() {
    return logs.storage();
  }

  LockLog lockLog() {
    return logs.locks();
  }

  WorkerLog workerLog() {
    return logs.workers();
  }

  BrokerLog brokerLog() {
    return logs.broker();
  }

  /** What the properties read, as of now (the fault window is taken to have closed at zero). */
  RunArtifacts artifacts() {
    return new RunArtifacts(history.build(), new TreeMap<>(database.snapshot()), logs.storage(), logs.locks(),
        logs.workers(), logs.broker(), 0, simulation.nowNanos(), control.fencedAtNanos(), control.fenceEndedAtNanos(),
        new TreeMap<>(simulation.probes().counts()), logs.services(), SERVICE_DOWN_TIME_NANOS,
        RunbookNodes.HEARTBEAT_RECOVERY_BOUND_NANOS);
  }

  long fingerprint() {
    return simulation.fingerprint();
  }
}

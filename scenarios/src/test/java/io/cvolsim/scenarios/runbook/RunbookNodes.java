package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.sim.Simulation;
import io.cvolsim.model.api.ApiOptions;
import io.cvolsim.model.api.AttachmentApiOptions;
import io.cvolsim.model.api.BrokerDispatcher;
import io.cvolsim.model.api.StatusWriteObserver;
import io.cvolsim.model.api.VolumeApiNode;
import io.cvolsim.model.broker.BrokerClient;
import io.cvolsim.model.broker.BrokerLog;
import io.cvolsim.model.broker.BrokerNode;
import io.cvolsim.model.broker.BrokerOptions;
import io.cvolsim.model.broker.BrokerSequences;
import io.cvolsim.model.config.ApiTransition;
import io.cvolsim.model.config.UnscheduledDelete;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DatabaseNode;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.dlm.CoordinationBackend;
import io.cvolsim.model.dlm.DlmOptions;
import io.cvolsim.model.dlm.EtcdServerNode;
import io.cvolsim.model.dlm.EtcdStore;
import io.cvolsim.model.dlm.LockLog;
import io.cvolsim.model.scheduler.SchedulerConfig;
import io.cvolsim.model.scheduler.SchedulerNode;
import io.cvolsim.model.service.ServiceOptions;
import io.cvolsim.model.storage.DriverOptions;
import io.cvolsim.model.storage.FencingMode;
import io.cvolsim.model.storage.StorageArray;
import io.cvolsim.model.storage.StorageArrayNode;
import io.cvolsim.model.storage.StorageIoLog;
import io.cvolsim.model.storage.StorageOptions;
import io.cvolsim.model.storage.TokenFencing;
import io.cvolsim.model.volume.FencingOptions;
import io.cvolsim.model.volume.Infrastructure;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.model.volume.VolumeServiceConfig;
import io.cvolsim.model.volume.VolumeServiceNode;
import io.cvolsim.model.workers.IsUpClock;
import io.cvolsim.model.workers.WorkerLog;
import io.cvolsim.model.workers.WorkerTable;
import io.cvolsim.model.workers.CleanupClaim;
import io.cvolsim.model.workers.WorkersOptions;
import io.cvolsim.scenarios.deployment.DeploymentTopology;
import io.cvolsim.scenarios.deployment.NodeControl;

/**
 * The nodes of a runbook deployment, wired as {@code DeploymentWorld} wires them (database,
 * broker, array, etcd when asked, schedulers, one c-vol cluster, API nodes) from typed knobs
 * instead of settings text, and with the array's timings fixed by the runbook. It cannot reuse
 * {@code DeploymentWorld}: that world always adds random clients and a heal phase that would
 * restart the nodes a runbook killed.
 */
final class RunbookNodes {
  static final long STATEMENT_TIMEOUT_NANOS = seconds(1);
  private static final long REPORT_INTERVAL_NANOS = seconds(10);
  /** As the deployment's: the longer of report_interval and the statement timeout, plus a round trip. */
  static final long HEARTBEAT_RECOVERY_BOUND_NANOS = Math.max(REPORT_INTERVAL_NANOS, STATEMENT_TIMEOUT_NANOS)
      + millis(500);

  /** The logs the nodes write and the properties read, all on the simulation's true clock. */
  record Logs(BrokerLog broker, LockLog locks, WorkerLog workers, StorageIoLog storage, ServiceLog services) {}

  private final RunbookKnobs knobs;
  private final Simulation simulation;
  private final DeploymentTopology topology;
  private final Logs logs;
  private final NodeControl control;
  /** Null: the API nodes serve only the legacy attach calls. */
  private final RunbookAttachments attachments;

  RunbookNodes(RunbookKnobs knobs, Simulation simulation, DeploymentTopology topology, Logs logs,
      NodeControl control, RunbookAttachments attachments) {
    this.attachments = attachments;
    this.knobs = knobs;
    this.simulation = simulation;
    this.topology = topology;
    this.logs = logs;
    this.control = control;
  }

  /** Adds every node but the client; {@code statusWrites} sees each status write of a service. */
  void addAll(Database database, StatusWriteObserver statusWrites) {
    Infrastructure infrastructure = new Infrastructure(topology.database(), topology.broker(), topology.storage(),
        STATEMENT_TIMEOUT_NANOS, BrokerOptions.osloDefaults().withAckMode(knobs.brokerAck()), dlmOptions(),
        DriverOptions.defaults().withStorageGroupMoves(knobs.storageGroupMoves()), workersOptions(), logs.broker(), logs.locks(), logs.workers(), statusWrites,
        control, logs.services(), io.cvolsim.model.config.QuotaKeeping.OFF,
        io.cvolsim.model.capacity.CapacityOptions.unlimited());
    addInfrastructure(infrastructure, database);
    for (NodeId scheduler : topology.schedulers()) {
      SchedulerConfig config = new SchedulerConfig(scheduler.name(), serviceOptions(), knobs.cleanupTrigger(), 1,
          IsUpClock.READER, fencingOptions(), io.cvolsim.model.config.SchedulerRouting.CLUSTER_QUEUE,
          knobs.completion(), io.cvolsim.model.scheduler.CapabilityOptions.defaults(), 3);
      simulation.addNode(scheduler, context -> new SchedulerNode(context, config, infrastructure));
    }
    for (NodeId volumeNode : topology.volumeNodes()) {
      addVolumeNode(volumeNode, infrastructure);
    }
    // A machine that replaces a lost one joins the cluster under its own (new) host name.
    control.replaceWith(lost -> {
      NodeId replacement = NodeId.of("c-vol-" + (topology.volumeNodes().size() + 1));
      addVolumeNode(replacement, infrastructure);
      return replacement;
    });
    addApiNodes(infrastructure);
  }

  private void addVolumeNode(NodeId volumeNode, Infrastructure infrastructure) {
    VolumeServiceConfig config = new VolumeServiceConfig(volumeNode.name(), DeploymentTopology.BACKEND,
        DeploymentTopology.CLUSTER, serviceOptions(), knobs.completion(), io.cvolsim.model.config.VolumeLock.NONE,
        fencingOptions(), 3, seconds(60)).withUninitializedDriver(knobs.uninitializedDriver());
    simulation.addNode(volumeNode, context -> new VolumeServiceNode(context, config, infrastructure));
  }

  private void addInfrastructure(Infrastructure infrastructure, Database database) {
    simulation.addNode(topology.database(), context -> new DatabaseNode(context, database));
    BrokerSequences sequences = new BrokerSequences();
    simulation.addNode(topology.broker(),
        context -> new BrokerNode(context, infrastructure.brokerOptions(), logs.broker(), sequences));
    StorageArray array = new StorageArray(storageOptions(), logs.storage());
    simulation.addNode(topology.storage(), context -> new StorageArrayNode(context, array));
    if (knobs.coordination() == CoordinationBackend.ETCD) {
      EtcdStore store = new EtcdStore();
      simulation.addNode(topology.coordination(), context -> new EtcdServerNode(context, store, logs.locks()));
    } else if (knobs.coordination() != CoordinationBackend.FILE) {
      throw new IllegalArgumentException("runbooks use file or etcd locks, not " + knobs.coordination());
    }
  }

  private void addApiNodes(Infrastructure infrastructure) {
    ApiOptions api = new ApiOptions(ApiTransition.CAS, topology.database(), STATEMENT_TIMEOUT_NANOS, seconds(30),
        UnscheduledDelete.DESTROY);
    AttachmentApiOptions attachmentApi = attachments == null ? null : new AttachmentApiOptions(attachments.lock(),
        attachments.deleteStatus(), infrastructure.dlmOptions(), logs.locks(), infrastructure.statusWrites(), 0);
    for (NodeId apiNode : topology.apiNodes()) {
      simulation.addNode(apiNode, context -> new VolumeApiNode(context, api, new BrokerDispatcher(
          new BrokerClient(context, topology.broker(), infrastructure.brokerOptions(), logs.broker()),
          new WorkerTable(context, new DbClient(context, topology.database(), STATEMENT_TIMEOUT_NANOS),
              infrastructure.workersOptions(), logs.workers()),
          api.workCleanupTimeoutNanos()), attachmentApi));
    }
  }

  private ServiceOptions serviceOptions() {
    return ServiceOptions.cinderDefaults().withTimes(REPORT_INTERVAL_NANOS, RunbookDeployment.SERVICE_DOWN_TIME_NANOS);
  }

  private FencingOptions fencingOptions() {
    return new FencingOptions(knobs.fencing().mode(), seconds(30), seconds(5), knobs.fencing().revocation());
  }

  private DlmOptions dlmOptions() {
    DlmOptions options = DlmOptions.defaults(knobs.coordination(), topology.coordination(), topology.database())
        .withLockOrder(knobs.lockOrder()).withHolder(knobs.holder().kind(), knobs.holder().clockErrorPpm());
    return knobs.leaseNanos().map(options::withLeaseNanos).orElse(options);
  }

  /** As the deployment: claims on updated_at (V8) come with a database that keeps whole seconds. */
  private WorkersOptions workersOptions() {
    WorkersOptions options = WorkersOptions.cinderToday().withClaim(knobs.cleanupClaim());
    return knobs.cleanupClaim() == CleanupClaim.UPDATED_AT
        ? options.withTimestampGranularityNanos(seconds(1)) : options;
  }

  private StorageOptions storageOptions() {
    StorageOptions options = StorageOptions.defaults().withTimings(knobs.storageTimings());
    return knobs.fencing().mode() == FencingMode.STORAGE ? options.withTokenFencing(TokenFencing.ON) : options;
  }
}

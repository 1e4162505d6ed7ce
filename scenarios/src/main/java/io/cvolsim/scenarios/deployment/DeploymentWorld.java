package io.cvolsim.scenarios.deployment;

import static io.cvolsim.scenarios.config.SettingsCatalog.API_NODES;
import static io.cvolsim.scenarios.config.SettingsCatalog.API_TRANSITION;
import static io.cvolsim.scenarios.config.SettingsCatalog.CLIENTS;
import static io.cvolsim.scenarios.config.SettingsCatalog.DURATION;
import static io.cvolsim.scenarios.config.SettingsCatalog.NEMESIS;
import static io.cvolsim.scenarios.config.SettingsCatalog.STATEMENT_TIMEOUT;
import static io.cvolsim.scenarios.config.SettingsCatalog.VOLUMES;
import static io.cvolsim.scenarios.config.VariantKeys.CLEANUP_TRIGGER;
import static io.cvolsim.scenarios.config.VariantKeys.COORDINATION_BACKEND;
import static io.cvolsim.scenarios.config.VariantKeys.IS_UP_CLOCK;
import static io.cvolsim.scenarios.config.VariantKeys.MANAGER_COMPLETION;
import static io.cvolsim.scenarios.config.VariantKeys.SCHEDULER_NODES;
import static io.cvolsim.scenarios.config.VariantKeys.SERVICE_DOWN_TIME;
import static io.cvolsim.scenarios.config.VariantKeys.VOLUME_NODES;

import io.cvolsim.checker.history.HistoryRecorder;
import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Ratio;
import io.cvolsim.kernel.sim.Simulation;
import io.cvolsim.model.capacity.CapacityOptions;
import io.cvolsim.model.api.ApiOptions;
import io.cvolsim.model.api.AttachmentApiOptions;
import io.cvolsim.model.config.AttachApi;
import io.cvolsim.model.api.BrokerDispatcher;
import io.cvolsim.model.api.VolumeApiNode;
import io.cvolsim.model.broker.BrokerClient;
import io.cvolsim.model.broker.BrokerLog;
import io.cvolsim.model.broker.BrokerNode;
import io.cvolsim.model.broker.BrokerSequences;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DatabaseNode;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.DbStatement;
import io.cvolsim.model.quota.QuotaUsage;
import io.cvolsim.scenarios.config.SettingsCatalog;
import io.cvolsim.model.dlm.CoordinationBackend;
import io.cvolsim.model.dlm.EtcdServerNode;
import io.cvolsim.model.dlm.EtcdStore;
import io.cvolsim.model.dlm.LockLog;
import io.cvolsim.model.dlm.ZooKeeperServerNode;
import io.cvolsim.model.dlm.ZooKeeperStore;
import io.cvolsim.model.scheduler.CapabilityOptions;
import io.cvolsim.model.scheduler.SchedulerConfig;
import io.cvolsim.model.scheduler.SchedulerNode;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.model.storage.DriverOptions;
import io.cvolsim.model.storage.StorageArray;
import io.cvolsim.model.storage.StorageArrayNode;
import io.cvolsim.model.storage.StorageIoLog;
import io.cvolsim.model.volume.Infrastructure;
import io.cvolsim.model.volume.VolumeServiceConfig;
import io.cvolsim.model.volume.VolumeServiceNode;
import io.cvolsim.model.workers.WorkerLog;
import io.cvolsim.model.workers.WorkerTable;
import io.cvolsim.scenarios.config.Settings;
import io.cvolsim.scenarios.config.VariantKeys;
import io.cvolsim.scenarios.properties.RunArtifacts;
import io.cvolsim.scenarios.run.World;
import io.cvolsim.scenarios.slice.SliceWorld;
import io.cvolsim.scenarios.swarm.FaultKind;
import io.cvolsim.scenarios.swarm.FaultMenu;
import io.cvolsim.scenarios.swarm.SwarmNemesis;
import io.cvolsim.scenarios.swarm.SwarmTargets;
import io.cvolsim.scenarios.workload.CompletionRecorder;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole Active/Active deployment of reference §1: database, broker, DLM, shared storage,
 * schedulers, one c-vol cluster, API nodes and clients; a fault window, then a heal phase (faults
 * healed, nodes restarted, cleanup requested where an admin must) and a quiescence period for
 * the liveness checks.
 */
public final class DeploymentWorld implements World {
  private final Simulation simulation;
  private final Settings settings;
  private final DeploymentTopology topology;
  private final Database database = new Database();
  private final HistoryRecorder history;
  private final BrokerLog brokerLog;
  private final LockLog lockLog;
  private final WorkerLog workerLog;
  private final StorageIoLog storageLog;
  private final ServiceLog serviceLog;
  private final NodeControl control;
  private final DeploymentPhases phases;
  private final DlmSilenceBudget dlmSilences;
  private int replacementsStarted;

  public DeploymentWorld(Simulation simulation, Settings settings) {
    this.simulation = simulation;
    this.settings = settings;
    CoordinationBackend backend = settings.get(COORDINATION_BACKEND);
    this.topology = DeploymentTopology.of(settings.get(SCHEDULER_NODES), settings.get(VOLUME_NODES),
        Math.max(2, settings.get(API_NODES)), settings.get(CLIENTS), backend);
    this.history = new HistoryRecorder(simulation::nowNanos);
    this.brokerLog = new BrokerLog(simulation::nowNanos);
    this.lockLog = new LockLog(simulation::nowNanos, simulation::trueTimeOfMonotonic);
    this.workerLog = new WorkerLog(simulation::nowNanos);
    database.observeWrites(Database.WORKERS, workerLog::applied);
    this.storageLog = new StorageIoLog(simulation::nowNanos);
    this.serviceLog = new ServiceLog(simulation::nowNanos);
    this.control = new NodeControl(simulation, backend, lockLog, serviceLog);
    this.phases = new DeploymentPhases(settings.get(DURATION), settings.get(SERVICE_DOWN_TIME));
    this.dlmSilences = new DlmSilenceBudget(settings.get(SettingsCatalog.NEMESIS_DLM_SILENCE_MAX));
  }

  @Override
  public void build() {
    simulation.network().holdOnPartition(settings.get(SettingsCatalog.HOLD_ON_PARTITION));
    Infrastructure infrastructure = infrastructure();
    addInfrastructureNodes(infrastructure);
    for (NodeId scheduler : topology.schedulers()) {
      SchedulerConfig config = new SchedulerConfig(scheduler.name(), DeploymentSettings.service(settings),
          settings.get(CLEANUP_TRIGGER), 1, settings.get(IS_UP_CLOCK), DeploymentSettings.fencing(settings),
          settings.get(VariantKeys.SCHEDULER_ROUTING), settings.get(MANAGER_COMPLETION),
          new CapabilityOptions(settings.get(VariantKeys.CAPABILITY_STAMP),
              settings.get(VariantKeys.CAPABILITY_PROCESSING_MAX)), settings.get(VariantKeys.SCHEDULER_MAX_ATTEMPTS));
      simulation.addNode(scheduler, context -> new SchedulerNode(context, config, infrastructure));
    }
    for (NodeId volumeNode : topology.volumeNodes()) {
      addVolumeNode(volumeNode, infrastructure);
    }
    control.replaceWith(lost -> {
      NodeId replacement = NodeId.of("c-vol-" + (topology.volumeNodes().size() + ++replacementsStarted));
      addVolumeNode(replacement, infrastructure);
      return replacement;
    });
    addApiNodes(infrastructure);
    new DeploymentWorkload(simulation, settings, topology, history, phases).addClients();
    scheduleNemeses();
    new HealPhase(simulation, settings, topology, control, phases, serviceLog).schedule();
    scheduleDeadlocks();
  }

  /**
   * The swarm's faults, the deployment's, or both; when both run they share one DLM silence
   * budget, since the lease sees a stall from either as the same silence.
   */
  private void scheduleNemeses() {
    if (!settings.get(NEMESIS)) {
      return;
    }
    List<FaultKind> swarmKinds = FaultMenu.swarmKinds(settings);
    boolean swarmRuns = !swarmKinds.isEmpty();
    if (swarmRuns) {
      new SwarmNemesis(simulation, control, history, swarmTargets(), swarmKinds,
          SliceWorld.linkProfile(settings), database::setDeadlockRatio).schedule();
    }
    if (settings.get(SettingsCatalog.DEPLOYMENT_FAULTS).runs(swarmRuns)) {
      new DeploymentNemesis(simulation, topology, control, phases, workerLog,
          settings.get(SettingsCatalog.NEMESIS_PAUSE_MAX), dlmSilences, settings.get(SettingsCatalog.ASSUMED_ABSENT))
          .schedule();
    }
  }

  private void addVolumeNode(NodeId volumeNode, Infrastructure infrastructure) {
    VolumeServiceConfig config = new VolumeServiceConfig(hostOf(volumeNode), DeploymentTopology.BACKEND,
        DeploymentTopology.CLUSTER, DeploymentSettings.service(settings), settings.get(MANAGER_COMPLETION),
        settings.get(VariantKeys.VOLUME_LOCK),
        DeploymentSettings.fencing(settings), 3, settings.get(VariantKeys.PERIODIC_INTERVAL),
        settings.get(VariantKeys.STARTUP_CLEANUP),
        settings.get(VariantKeys.UNINITIALIZED_DRIVER), DeploymentSettings.attachmentRows(settings),
        settings.get(VariantKeys.ATTACH_REUSE), settings.get(VariantKeys.CAPABILITY_STAMP));
    simulation.addNode(volumeNode, context -> new VolumeServiceNode(context, config, infrastructure));
  }

  /** Deadlock aborts during the fault window only, so the liveness phase runs on a calm database. */
  private void scheduleDeadlocks() {
    Ratio deadlocks = settings.get(io.cvolsim.scenarios.config.SettingsCatalog.DEADLOCKS);
    if (deadlocks.isZero()) {
      return;
    }
    simulation.scheduleAt(0, "fault: database deadlock aborts " + deadlocks, () -> {
      simulation.probes().hit("fault.db-deadlocks");
      database.setDeadlockRatio(deadlocks);
    });
    simulation.scheduleAt(phases.faultWindowEndNanos(), "heal: no more deadlock aborts",
        () -> database.setDeadlockRatio(Ratio.ZERO));
  }

  /** The c-vol's {@code host} option: its own name, or under V5 one name shared by all. */
  private String hostOf(NodeId volumeNode) {
    return settings.get(VariantKeys.HOST_NAMING) == io.cvolsim.model.config.HostNaming.SHARED
        ? DeploymentTopology.SHARED_HOST : volumeNode.name();
  }

  private SwarmTargets swarmTargets() {
    Optional<NodeId> coordination = simulation.nodeIds().contains(topology.coordination())
        ? Optional.of(topology.coordination()) : Optional.empty();
    return new SwarmTargets(topology.volumeNodes(), topology.services(), topology.database(), topology.broker(),
        topology.storage(), coordination, topology.apiNodes(), settings.get(VOLUMES), phases.faultWindowEndNanos(),
        settings.get(SERVICE_DOWN_TIME), settings.get(SettingsCatalog.NEMESIS_PAUSE_MAX), dlmSilences,
        settings.get(SettingsCatalog.FORCED_CLEANUPS));
  }

  private Infrastructure infrastructure() {
    return new Infrastructure(topology.database(), topology.broker(), topology.storage(),
        settings.get(STATEMENT_TIMEOUT), DeploymentSettings.broker(settings), DeploymentSettings.dlm(settings, topology),
        DriverOptions.defaults().withStorageGroupMoves(settings.get(SettingsCatalog.STORAGE_GROUP_MOVES))
            .withSetupErrorRatio(settings.get(SettingsCatalog.DRIVER_SETUP_ERRORS)),
        DeploymentSettings.workers(settings), brokerLog, lockLog, workerLog,
        new CompletionRecorder(history), control, serviceLog, DeploymentSettings.quota(settings),
        new CapacityOptions(settings.get(SettingsCatalog.CAPACITY_LIMIT), settings.get(VariantKeys.CAPACITY_COUNT)));
  }

  private void addInfrastructureNodes(Infrastructure infrastructure) {
    if (DeploymentSettings.quota(settings).tracking()) {
      database.execute(new DbStatement.Insert(Database.QUOTA_USAGES, QuotaUsage.initialRow()));
    }
    simulation.addNode(topology.database(), context -> new DatabaseNode(context, database,
        SettingsCatalog.databaseOptions(settings)));
    BrokerSequences sequences = new BrokerSequences();
    simulation.addNode(topology.broker(),
        context -> new BrokerNode(context, infrastructure.brokerOptions(), brokerLog, sequences));
    StorageArray array = new StorageArray(DeploymentSettings.storage(settings), storageLog);
    simulation.addNode(topology.storage(), context -> new StorageArrayNode(context, array));
    CoordinationBackend backend = settings.get(COORDINATION_BACKEND);
    if (backend == CoordinationBackend.ETCD) {
      EtcdStore store = new EtcdStore();
      simulation.addNode(topology.coordination(), context -> new EtcdServerNode(context, store, lockLog));
    } else if (backend == CoordinationBackend.ZOOKEEPER) {
      ZooKeeperStore store = new ZooKeeperStore();
      simulation.addNode(topology.coordination(), context -> new ZooKeeperServerNode(context, store, lockLog));
    }
  }

  private void addApiNodes(Infrastructure infrastructure) {
    ApiOptions api = new ApiOptions(settings.get(API_TRANSITION), topology.database(),
        settings.get(STATEMENT_TIMEOUT), Durations.seconds(30), settings.get(VariantKeys.UNSCHEDULED_DELETE),
        settings.get(VariantKeys.SOURCE_DELETE), settings.get(VariantKeys.ERROR_REPORTING),
        DeploymentSettings.quota(settings), settings.get(VariantKeys.WORKERS_CLOCK),
        DeploymentSettings.unreserve(settings));
    AttachmentApiOptions attachmentApi = attachmentApi(infrastructure);
    for (NodeId apiNode : topology.apiNodes()) {
      simulation.addNode(apiNode, context -> new VolumeApiNode(context, api, new BrokerDispatcher(
          new BrokerClient(context, topology.broker(), infrastructure.brokerOptions(), brokerLog),
          new WorkerTable(context, new DbClient(context, topology.database(), settings.get(STATEMENT_TIMEOUT)),
              infrastructure.workersOptions(), workerLog),
          api.workCleanupTimeoutNanos()), attachmentApi));
    }
  }

  /** The API's attachments API with its variants, or null when clients attach the legacy way. */
  private AttachmentApiOptions attachmentApi(Infrastructure infrastructure) {
    if (settings.get(SettingsCatalog.ATTACH_API) != AttachApi.ATTACHMENTS) {
      return null;
    }
    return new AttachmentApiOptions(settings.get(VariantKeys.ATTACHMENT_LOCK),
        settings.get(VariantKeys.ATTACHMENT_DELETE_STATUS), infrastructure.dlmOptions(), lockLog,
        infrastructure.statusWrites(), settings.get(VariantKeys.DETACH_RETURN_DELAY_MAX), settings.get(MANAGER_COMPLETION));
  }

  @Override
  public long endNanos() {
    return phases.endNanos();
  }

  @Override
  public HistoryRecorder history() {
    return history;
  }

  @Override
  public RunArtifacts artifacts() {
    return new RunArtifacts(history.build(), new TreeMap<>(database.snapshot()), storageLog, lockLog, workerLog,
        brokerLog, phases.faultWindowEndNanos(), phases.endNanos(), control.fencedAtNanos(),
        control.fenceEndedAtNanos(), new TreeMap<>(simulation.probes().counts()), serviceLog,
        DeploymentSettings.service(settings).effectiveServiceDownTimeNanos(), heartbeatRecoveryBoundNanos());
  }

  /** L5's bound: the reference's report_interval + ε, where ε is one database round trip (500 ms). */
  private long heartbeatRecoveryBoundNanos() {
    long beatGapNanos = Math.max(DeploymentSettings.service(settings).reportIntervalNanos(), settings.get(STATEMENT_TIMEOUT));
    return beatGapNanos + Durations.millis(500);
  }

  @Override
  public SortedMap<String, Long> counts() {
    SortedMap<String, Long> counts = new TreeMap<>();
    counts.put("db_statements", database.statementCount());
    counts.put("storage_calls", (long) storageLog.entries().size());
    counts.put("lock_events", (long) lockLog.events().size());
    counts.put("worker_events", (long) workerLog.events().size());
    counts.put("broker_events", (long) brokerLog.entries().size());
    return counts;
  }
}

package io.cvolsim.scenarios.slice;

import static io.cvolsim.scenarios.config.SettingsCatalog.API_NODES;
import static io.cvolsim.scenarios.config.SettingsCatalog.API_TRANSITION;
import static io.cvolsim.scenarios.config.SettingsCatalog.CLIENTS;
import static io.cvolsim.scenarios.config.SettingsCatalog.DURATION;
import static io.cvolsim.scenarios.config.SettingsCatalog.LATENCY_MAX;
import static io.cvolsim.scenarios.config.SettingsCatalog.LOSS;
import static io.cvolsim.scenarios.config.SettingsCatalog.NEMESIS;
import static io.cvolsim.scenarios.config.SettingsCatalog.REQUEST_TIMEOUT;
import static io.cvolsim.scenarios.config.SettingsCatalog.STATEMENT_TIMEOUT;
import static io.cvolsim.scenarios.config.SettingsCatalog.THINK_TIME_MAX;
import static io.cvolsim.scenarios.config.SettingsCatalog.VOLUMES;

import io.cvolsim.checker.history.HistoryRecorder;
import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Ratio;
import io.cvolsim.kernel.sim.LinkProfile;
import io.cvolsim.kernel.sim.Simulation;
import io.cvolsim.model.api.ApiOptions;
import io.cvolsim.model.api.VolumeApiNode;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DatabaseNode;
import io.cvolsim.model.standin.StandInDispatcher;
import io.cvolsim.model.standin.StandInOptions;
import io.cvolsim.model.standin.VolumeServiceStandIn;
import io.cvolsim.scenarios.config.Settings;
import io.cvolsim.scenarios.config.SettingsCatalog;
import io.cvolsim.scenarios.config.VariantKeys;
import io.cvolsim.scenarios.workload.CompletionRecorder;
import io.cvolsim.scenarios.workload.VolumeClient;
import io.cvolsim.scenarios.workload.VolumeIds;
import io.cvolsim.model.broker.BrokerLog;
import io.cvolsim.model.dlm.LockLog;
import io.cvolsim.model.storage.StorageIoLog;
import io.cvolsim.model.workers.WorkerLog;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.scenarios.properties.LinearizabilityProperty;
import io.cvolsim.scenarios.properties.RunArtifacts;
import io.cvolsim.scenarios.run.World;
import java.util.ArrayList;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.List;

/**
 * The first slice: API nodes sharing one database, a stand-in volume service completing their
 * work, clients issuing volume requests, and a partition nemesis. Builds the nodes on a
 * simulation and knows when the run is over.
 */
public final class SliceWorld implements World {
  /** After clients stop, in-flight work gets this long to finish before the run ends. */
  public static final long DRAIN_NANOS = Durations.seconds(30);

  private final Simulation simulation;
  private final Settings settings;
  private final SliceTopology topology;
  private final Database database = new Database();
  private final HistoryRecorder history;

  public SliceWorld(Simulation simulation, Settings settings) {
    this.simulation = simulation;
    this.settings = settings;
    this.topology = SliceTopology.of(settings.get(API_NODES), settings.get(CLIENTS));
    this.history = new HistoryRecorder(simulation::nowNanos);
  }

  public static LinkProfile linkProfile(Settings settings) {
    Ratio loss = settings.get(LOSS);
    return new LinkProfile(Durations.millis(1), settings.get(LATENCY_MAX), loss, Ratio.ZERO);
  }

  /** Adds every node and the nemesis schedule. */
  @Override
  public void build() {
    long statementTimeout = settings.get(STATEMENT_TIMEOUT);
    simulation.addNode(topology.database(), context -> new DatabaseNode(context, database,
        SettingsCatalog.databaseOptions(settings)));
    CompletionRecorder completions = new CompletionRecorder(history);
    StandInOptions standIn = new StandInOptions(topology.database(), statementTimeout,
        Durations.millis(200), Durations.seconds(3));
    simulation.addNode(topology.volumeService(),
        context -> new VolumeServiceStandIn(context, standIn, completions));
    ApiOptions api = new ApiOptions(settings.get(API_TRANSITION), topology.database(), statementTimeout,
        Durations.seconds(10), settings.get(VariantKeys.UNSCHEDULED_DELETE),
        settings.get(VariantKeys.SOURCE_DELETE), settings.get(VariantKeys.ERROR_REPORTING), io.cvolsim.model.config.QuotaKeeping.OFF,
        io.cvolsim.model.workers.WorkersClock.WRITER, io.cvolsim.model.config.UnreserveAttachments.ATTACHED);
    for (NodeId apiNode : topology.apiNodes()) {
      simulation.addNode(apiNode, context -> new VolumeApiNode(context, api,
          new StandInDispatcher(context, topology.volumeService())));
    }
    addClients();
    if (settings.get(NEMESIS)) {
      new PartitionNemesis(simulation, topology, settings.get(DURATION)).schedule();
    }
  }

  private void addClients() {
    VolumeIds volumes = new VolumeIds(settings.get(VOLUMES));
    int clientCount = topology.clients().size();
    for (int i = 0; i < clientCount; i++) {
      VolumeClient.ClientOptions options = new VolumeClient.ClientOptions(i, clientCount,
          topology.apiNodes(), volumes, settings.get(THINK_TIME_MAX),
          settings.get(REQUEST_TIMEOUT), settings.get(DURATION), false, false);
      simulation.addNode(topology.clients().get(i), context -> new VolumeClient(context, options, history));
    }
  }

  /** When the run ends: the fault window, then time for in-flight work to drain. */
  @Override
  public long endNanos() {
    return settings.get(DURATION) + DRAIN_NANOS;
  }

  @Override
  public HistoryRecorder history() {
    return history;
  }

  /** The slice has no broker, DLM, storage or workers rows: their logs stay empty. */
  @Override
  public RunArtifacts artifacts() {
    return new RunArtifacts(history.build(), new TreeMap<>(database.snapshot()),
        new StorageIoLog(simulation::nowNanos), new LockLog(simulation::nowNanos), new WorkerLog(simulation::nowNanos),
        new BrokerLog(simulation::nowNanos), settings.get(DURATION), endNanos(), new TreeMap<>(),
        new TreeMap<>(), new TreeMap<>(simulation.probes().counts()));
  }

  /**
   * Only the API-visible state: everything behind the API here is the stand-in, whose blind
   * completions would make the manager-side properties (S4 ...) judge the stand-in, not Cinder.
   */
  @Override
  public List<PropertyResult> judge(RunArtifacts artifacts) {
    return List.of(LinearizabilityProperty.check(artifacts.history()));
  }

  @Override
  public SortedMap<String, Long> counts() {
    SortedMap<String, Long> counts = new TreeMap<>();
    counts.put("db_statements", database.statementCount());
    return counts;
  }
}

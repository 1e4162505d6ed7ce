package io.cvolsim.model.scheduler;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Message;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.broker.BrokerClient;
import io.cvolsim.model.config.CapabilityStamping;
import io.cvolsim.model.broker.Dispatch;
import io.cvolsim.model.broker.QueueNames;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.dlm.LockCoordinator;
import io.cvolsim.model.rpc.CleanupResponse;
import io.cvolsim.model.rpc.SchedulerRpc;
import io.cvolsim.model.service.Heartbeat;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.model.service.ServiceRows;
import io.cvolsim.model.storage.VolumeDriver;
import io.cvolsim.model.volume.Acknowledged;
import io.cvolsim.model.volume.Infrastructure;
import io.cvolsim.model.workers.AutoCleanupPlanner;
import io.cvolsim.model.workers.Cleaner;
import io.cvolsim.model.workers.CleanupRequest;
import io.cvolsim.model.workers.CleanupRouting;
import io.cvolsim.model.workers.CleanupTrigger;
import io.cvolsim.model.workers.ServiceLiveness;
import io.cvolsim.model.workers.StandardCleanupActions;
import io.cvolsim.model.workers.WorkerTable;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A cinder-scheduler process (reference §4.3, §5.6): all schedulers compete on the
 * {@code cinder-scheduler} topic; each places volumes, forwards work to volume queues, routes
 * cleanups, and keeps its own view of backend capabilities, newest report first.
 */
public final class SchedulerNode implements Node {
  static final String BINARY = "cinder-scheduler";
  static final String ELECTION_GROUP = "cinder-scheduler-cleaners";
  private final NodeContext context;
  private final SchedulerConfig config;
  private final Infrastructure infrastructure;
  private final DbClient db;
  private final BrokerClient broker;
  private final ServiceLiveness liveness;
  private final DatabaseClock databaseClock;
  private final SortedMap<String, Long> capabilityStamps = new TreeMap<>();
  private final BackendCapacities capacities;
  private final LockCoordinator locks;
  private SchedulerOperations operations;
  private long serviceId;

  public SchedulerNode(NodeContext context, SchedulerConfig config, Infrastructure infrastructure) {
    this.context = context;
    this.config = config;
    this.infrastructure = infrastructure;
    this.db = infrastructure.dbClient(context);
    this.broker = infrastructure.brokerClient(context);
    this.locks = infrastructure.lockCoordinator(context);
    this.databaseClock = new DatabaseClock(db, config.isUpClock(), config.capabilities().stamping(),
        infrastructure.workersOptions().clock());
    this.capacities = new BackendCapacities(infrastructure.capacity());
    this.liveness = new ServiceLiveness(config.isUpClock(), config.service().effectiveServiceDownTimeNanos(),
        databaseClock::lastReadNanos);
  }

  @Override
  public void start() {
    // A restart saves the row it finds, as every Cinder service does on start (see VolumeServiceNode).
    ServiceRows.findOrCreate(db, config.host(), BINARY, null, context.localTimeNanos(), Collections.emptySortedMap(),
        List.of(Heartbeat.updatedAtNow(config.service(), context))).whenComplete(outcome -> {
      if (outcome instanceof Outcome.Success<Row> found) {
        serviceId = found.value().longValue("id", 0);
        begin();
      } else {
        context.setTimer("retry-start", Durations.seconds(1), this::start);
      }
    });
  }

  private void begin() {
    WorkerTable workers = new WorkerTable(context, db, infrastructure.workersOptions(), infrastructure.workerLog());
    CleanupDispatcher dispatcher = new CleanupDispatcher(context, broker, config.fencing(),
        infrastructure.powerSwitch(), infrastructure.volumeDriver(context), infrastructure.serviceLog());
    operations = new SchedulerOperations(context, db, broker, workers, serviceId, liveness, databaseClock,
        capabilityStamps, capacities, infrastructure.serviceLog().capacity(),
        dispatcher, infrastructure.statusWrites(), config.routing(),
        config.completion(), config.maxAttempts());
    broker.subscribe(QueueNames.SCHEDULER_TOPIC, this::handle);
    new Heartbeat(context, db, config.service(), serviceId, () -> true,
        infrastructure.serviceLog().observer(config.host(), context.self().name())).start();
    startAutomaticCleanup(dispatcher);
  }

  private void startAutomaticCleanup(CleanupDispatcher dispatcher) {
    if (config.cleanupTrigger() == CleanupTrigger.MANUAL) {
      return;
    }
    if (config.cleanupTrigger() == CleanupTrigger.DLM_LEADER) {
      locks.runForElection(ELECTION_GROUP, () -> context.probe("scheduler.elected-cleanup-leader"));
    }
    AutoCleanupPlanner planner = new AutoCleanupPlanner(config.cleanupTrigger(), config.autoCleanupChecks(),
        liveness, () -> locks.isLeader(ELECTION_GROUP));
    new AutomaticCleanup(context, db, planner, liveness, databaseClock, dispatcher).start();
  }

  private SimFuture<? extends Message> handle(Dispatch dispatch) {
    if (!(dispatch.payload() instanceof SchedulerRpc rpc)) {
      throw new IllegalStateException("not a scheduler message: " + dispatch.payload());
    }
    if (rpc instanceof SchedulerRpc.WorkCleanup cleanup) {
      return operations.workCleanup(cleanup.request());
    }
    if (rpc instanceof SchedulerRpc.DoCleanup cleanup) {
      return new Cleaner(context, db, infrastructure.workersOptions(), infrastructure.workerLog(), serviceId,
          StandardCleanupActions.scheduler(db, (volumeId, fields) -> operations.saveStatus((String) volumeId, fields)))
          .doCleanup(cleanup.request()).map(ignored -> Acknowledged.INSTANCE);
    }
    if (rpc instanceof SchedulerRpc.CapabilityReport report) {
      long delayMax = config.capabilities().processingDelayMaxNanos();
      if (delayMax == 0) {
        recordCapabilities(report);
      } else {
        context.setTimer("apply-capabilities",
            context.choices().durationNanos("scheduler.capability-greenthread", 0, delayMax),
            () -> recordCapabilities(report));
      }
      return SimFuture.succeeded(Acknowledged.INSTANCE);
    }
    return operations.run(rpc).map(ignored -> Acknowledged.INSTANCE);
  }

  /**
   * Stamped by the volume service, a report older than the one held is dropped; stamped here,
   * the last one applied wins.
   */
  private void recordCapabilities(SchedulerRpc.CapabilityReport report) {
    boolean byService = config.capabilities().stamping() != CapabilityStamping.SCHEDULER;
    Long held = capabilityStamps.get(report.backend());
    boolean stale = byService && (held != null && held >= report.stampedAtNanos()
        || capacities.placedSince(report.backend(), report.stampedAtNanos()));
    infrastructure.serviceLog().capabilityApplied(context.self().name(), report.backend(), report.serviceHost(),
        report.stampedAtNanos(), !stale);
    if (stale) {
      context.probe("scheduler.stale-capabilities-dropped");
      return;
    }
    capabilityStamps.put(report.backend(), byService ? report.stampedAtNanos() : context.localTimeNanos());
    if (capacities.isLimited()) {
      String reportName = ServiceLog.reportName(report.serviceHost(), report.stampedAtNanos());
      capacities.take(report.backend(), report.freeCapacityGb(), reportName);
      infrastructure.serviceLog().capacity().reportTaken(context.self().name(), report.backend(), reportName);
    }
  }

  @Override
  public void onMessage(Incoming incoming) {
    if (!broker.onMessage(incoming)) {
      throw new IllegalStateException("the scheduler takes messages only from the broker: " + incoming.message());
    }
  }

  static CleanupResponse response(CleanupRouting.Result result) {
    return new CleanupResponse(CleanupDispatcher.hosts(result.cleaning().stream().map(CleanupRouting.Dispatch::service).toList()),
        CleanupDispatcher.hosts(result.unavailable()));
  }

  static CleanupRequest untilNow(CleanupRequest request, long nowNanos) {
    return request.untilNanos() != null ? request : request.withUntilNanos(nowNanos);
  }
}

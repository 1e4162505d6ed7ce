package io.cvolsim.model.volume;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Message;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.broker.BrokerClient;
import io.cvolsim.model.broker.Dispatch;
import io.cvolsim.model.broker.GracefulStop;
import io.cvolsim.model.broker.QueueNames;
import io.cvolsim.model.db.Assignment;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.quota.QuotaUsage;
import io.cvolsim.model.dlm.LockCoordinator;
import io.cvolsim.model.rpc.SchedulerRpc;
import io.cvolsim.model.rpc.ServiceSignal;
import io.cvolsim.model.rpc.VolumeRpc;
import io.cvolsim.model.service.Heartbeat;
import io.cvolsim.model.service.ServiceRows;
import io.cvolsim.model.config.CapabilityStamping;
import io.cvolsim.model.config.StartupCleanup;
import io.cvolsim.model.config.UninitializedDriver;
import io.cvolsim.model.storage.FencingMode;
import io.cvolsim.model.storage.VolumeDriver;
import io.cvolsim.model.workers.Cleaner;
import io.cvolsim.model.workers.CleanupRequest;
import io.cvolsim.model.workers.StandardCleanupActions;
import io.cvolsim.model.workers.WorkerEntry;
import io.cvolsim.model.workers.WorkerTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.SortedMap;
import java.util.List;

/**
 * A cinder-volume process (reference §4, §5.4): find or create its services row, start the
 * driver (retrying), clean its own workers rows, and only then consume its host and cluster
 * queues and heartbeat. A driver that never starts leaves a "black-hole" member: no heartbeat
 * and no cleanup, but it still consumes its share of the cluster queue (O5).
 */
public final class VolumeServiceNode implements Node {
  private static final String BINARY = "cinder-volume";
  /** oslo.service's graceful_shutdown_timeout. */
  private static final long GRACEFUL_SHUTDOWN_TIMEOUT_NANOS = Durations.seconds(60);
  /** How long a node whose start-up cleanup failed waits before trying it again (a service restart). */
  private static final long STARTUP_CLEANUP_RETRY_NANOS = Durations.seconds(5);
  /** How long a node that stays off its queues waits before trying its driver again. */
  private static final long DRIVER_RETRY_NANOS = Durations.seconds(30);
  private final NodeContext context;
  private final VolumeServiceConfig config;
  private final Infrastructure infrastructure;
  private final DbClient db;
  private final BrokerClient broker;
  private final LockCoordinator locks;
  private final VolumeDriver driver;
  private boolean driverInitialized;
  private ManagerContext manager;
  private Heartbeat heartbeat;

  public VolumeServiceNode(NodeContext context, VolumeServiceConfig config, Infrastructure infrastructure) {
    this.context = context;
    this.config = config;
    this.infrastructure = infrastructure;
    this.db = infrastructure.dbClient(context);
    this.broker = infrastructure.brokerClient(context);
    this.locks = infrastructure.lockCoordinator(context);
    this.driver = infrastructure.volumeDriver(context).withLockGuard(locks::keepsEveryLock);
  }

  @Override
  public void start() {
    // The incarnation goes in a new row too, so that a process that dies before its first beat is
    // still named by the revocation decided on that row. A restart saves the row it finds (Cinder
    // saves its versions), stamping it as a beat would: before that, the row described the dead
    // process while the array already admitted this one, so a down decision named the dead one and
    // the array refused it, withholding the cleanup (L2, deployment seed 2388).
    SortedMap<String, Object> own = config.fencing().namesIncarnations()
        ? Row.values("incarnation", (long) context.incarnation()) : Collections.emptySortedMap();
    List<Assignment> savedOnStart = new ArrayList<>(List.of(Heartbeat.updatedAtNow(config.service(), context)));
    savedOnStart.addAll(Assignment.setAll(own));
    ServiceRows.findOrCreate(db, config.serviceHost(), BINARY, config.clusterName(), context.localTimeNanos(),
            own, savedOnStart)
        .whenComplete(outcome -> {
          if (outcome instanceof Outcome.Success<Row> found) {
            initHost(found.value().longValue("id", 0));
          } else {
            context.probe("volume.service-row-unreachable");
            context.setTimer("retry-start", Durations.seconds(1), this::start);
          }
        });
  }

  private void initHost(long serviceId) {
    WorkerTable workers = new WorkerTable(context, db, infrastructure.workersOptions(), infrastructure.workerLog());
    StatusWriter writer = new StatusWriter(context, db, config.completion(), infrastructure.statusWrites());
    manager = new ManagerContext(context, config, serviceId, db, workers, locks, driver, writer,
        new QuotaUsage(context, db, infrastructure.quota()), broker,
        new AllocatedCapacity(infrastructure.capacity(), infrastructure.serviceLog().capacity(), db, config,
            context.self().name()));
    restoreOwnStorageAccess()
        .flatMap(ignored -> startDriver(0))
        .whenComplete(started -> {
          driverInitialized = started.isSuccess();
          SimFuture<?> cleanup = !driverInitialized ? SimFuture.succeeded(null) : startupCleanup(serviceId);
          if (driverInitialized) {
            infrastructure.serviceLog().driverStarted(config.serviceHost(), context.self().name());
          } else {
            context.probe("volume.driver-not-initialized");
            infrastructure.serviceLog().driverUninitialized(config.serviceHost(), context.self().name());
            if (config.uninitializedDriver() == UninitializedDriver.STAY_OFF) {
              context.setTimer("retry-driver", DRIVER_RETRY_NANOS, () -> initHost(serviceId));
              return;
            }
          }
          consumeAfter(cleanup, serviceId);
        });
  }

  private SimFuture<?> startupCleanup(long serviceId) {
    return config.startupCleanup() == StartupCleanup.HOST ? new HostBasedCleanup(manager).run()
        : cleaner().doCleanup(CleanupRequest.forService(serviceId));
  }

  /**
   * init_host raises when its cleanup cannot reach the database, and the service does not start
   * until it is started again: here the cleanup is retried after a pause, and the node consumes
   * only once its own rows are clean (L2).
   */
  private void consumeAfter(SimFuture<?> cleanup, long serviceId) {
    cleanup.whenComplete(outcome -> {
      if (outcome.isSuccess()) {
        manager.capacity().recount().whenComplete(counted -> startConsuming(serviceId));
        return;
      }
      context.probe("volume.startup-cleanup-failed");
      context.setTimer("retry-startup-cleanup", STARTUP_CLEANUP_RETRY_NANOS,
          () -> consumeAfter(startupCleanup(serviceId), serviceId));
    });
  }

  /** A restarted node that was fenced at the array lets itself back in before the driver starts. */
  private SimFuture<Void> restoreOwnStorageAccess() {
    if (config.fencing().mode() != FencingMode.STORAGE) {
      return SimFuture.succeeded(null);
    }
    Integer incarnation = config.fencing().namesIncarnations() ? context.incarnation() : null;
    // Unanswered, the array may still refuse this process: starting anyway made it a member that
    // takes jobs and fails every array call until its next restart. Counted as a driver that did
    // not start, so that uninitialized_driver decides whether it consumes and when it tries again.
    return driver.restoreAccess(context.self(), incarnation).thenHandle(outcome -> {
      if (outcome instanceof Outcome.Failed<Void> failed) {
        context.probe("fencing.restore-access-failed");
        return SimFuture.failed(failed.failure());
      }
      return SimFuture.succeeded(null);
    });
  }

  /** do_setup and check_for_setup_error, retried reinit_driver_count times with back-off 1, 2, 4 s. */
  private SimFuture<Void> startDriver(int attempt) {
    return driver.doSetup().flatMap(ignored -> driver.checkForSetupError()).thenHandle(outcome -> {
      if (outcome.isSuccess() || attempt >= config.reinitDriverCount()) {
        return outcome.isSuccess() ? SimFuture.<Void>succeeded(null)
            : SimFuture.<Void>failed(((Outcome.Failed<Void>) outcome).failure());
      }
      return context.sleep("reinit-driver", Durations.seconds(1L << attempt)).flatMap(x -> startDriver(attempt + 1));
    });
  }

  private void startConsuming(long serviceId) {
    for (String topic : QueueNames.volumeServiceTopics(config.host(), config.backend(), config.cluster())) {
      broker.subscribe(topic, this::handle);
    }
    heartbeat = new Heartbeat(context, db, config.service(), serviceId, () -> driverInitialized,
        infrastructure.serviceLog().observer(config.serviceHost(), context.self().name()));
    if (config.fencing().namesIncarnations()) {
      heartbeat.alsoWriting("incarnation", (long) context.incarnation());
    }
    heartbeat.start();
    if (config.fencing().mode() == FencingMode.SELF) {
      new SelfFencing(context, config.fencing(), heartbeat, infrastructure.powerSwitch(), broker).start();
    }
    // oslo.service starts periodic tasks after a random fuzzy delay; the first report also must not
    // race the schedulers' own subscriptions (a fan-out to nobody is dropped).
    context.setTimer("report-capabilities", context.choices().durationNanos("volume.first-report-delay",
        Durations.seconds(1), Durations.seconds(10)), this::reportCapabilities);
  }

  private void reportCapabilities() {
    if (driverInitialized) {
      AllocatedCapacity capacity = manager.capacity();
      // Stamped when sent, after any database read, so reports keep the order in which they were sent.
      capacity.freeForReport().whenComplete(counted -> {
        if (counted instanceof Outcome.Success<Long> freeGb) {
          stampNow().whenComplete(stamp -> {
            if (stamp instanceof Outcome.Success<Long> stampNanos) {
              sendReport(capacity.backend(), stampNanos.value(), freeGb.value());
            } else {
              context.probe("volume.capability-report-unstamped");
            }
          });
        }
      });
    }
    context.setTimer("report-capabilities", config.capabilityReportIntervalNanos(), this::reportCapabilities);
  }

  /** The report's stamp: this process's clock, or under {@code capability_stamp=database} the database's. */
  private SimFuture<Long> stampNow() {
    return config.capabilityStamp() == CapabilityStamping.DATABASE ? db.databaseTime()
        : SimFuture.succeeded(context.localTimeNanos());
  }

  private void sendReport(String backend, long stamp, long freeGb) {
    if (config.capabilityStamp() == CapabilityStamping.DATABASE) {
      infrastructure.serviceLog().capabilitySentStampedByDatabase(backend, config.serviceHost(), stamp);
    } else {
      infrastructure.serviceLog().capabilitySent(backend, config.serviceHost(), stamp);
    }
    if (infrastructure.capacity().isLimited()) {
      infrastructure.serviceLog().capacity().reportComposed(config.serviceHost(), backend, stamp, freeGb);
    }
    broker.fanout(QueueNames.SCHEDULER_TOPIC, new SchedulerRpc.CapabilityReport(backend, config.serviceHost(),
        freeGb, stamp));
  }

  private Cleaner cleaner() {
    VolumeOperations volumes = new VolumeOperations(manager);
    StandardCleanupActions.VolumeHooks hooks = new StandardCleanupActions.VolumeHooks() {
      @Override
      public SimFuture<Void> clearDownload(Row volume) {
        return driver.clearDownload(volume.string("id"));
      }

      @Override
      public SimFuture<Void> deleteVolume(Row volume, WorkerEntry claimed) {
        return volumes.delete(volume.string("id"), claimed);
      }
    };
    return new Cleaner(context, db, infrastructure.workersOptions(), infrastructure.workerLog(),
        manager.serviceId(), StandardCleanupActions.volumeService(db, hooks,
            (volumeId, fields) -> manager.writer().save(Database.VOLUMES, (String) volumeId, fields)));
  }

  /** Every job a volume topic delivers; a driver that is not initialized fails them all. */
  private SimFuture<? extends Message> handle(Dispatch dispatch) {
    if (!(dispatch.payload() instanceof VolumeRpc job)) {
      throw new IllegalStateException("not a volume job: " + dispatch.payload());
    }
    if (!driverInitialized) {
      context.probe("volume.black-hole-job");
      return SimFuture.failed(Failure.error("DriverNotInitialized"));
    }
    if (dispatch.redelivered()) {
      context.probe("volume.job-redelivered");
    }
    return new JobRouter(manager, this::cleaner).run(job).map(ignored -> Acknowledged.INSTANCE);
  }

  /**
   * oslo.service on SIGTERM: stop consuming, give the jobs in flight graceful_shutdown_timeout to
   * finish (those still running then are killed with the process), stop the heartbeat and exit.
   */
  private void terminate() {
    context.probe("volume.graceful-shutdown");
    broker.stopConsuming(GRACEFUL_SHUTDOWN_TIMEOUT_NANOS).whenComplete(outcome -> {
      context.probe(outcome instanceof Outcome.Success<GracefulStop> stop && stop.value() == GracefulStop.DRAINED
          ? "volume.graceful-shutdown-drained" : "volume.graceful-shutdown-timed-out");
      if (heartbeat != null) {
        heartbeat.stop();
      }
      infrastructure.powerSwitch().exit(context.self());
    });
  }

  @Override
  public void onMessage(Incoming incoming) {
    if (incoming.message() instanceof ServiceSignal.Terminate) {
      terminate();
      return;
    }
    if (!broker.onMessage(incoming)) {
      throw new IllegalStateException("c-vol takes messages only from the broker: " + incoming.message());
    }
  }
}

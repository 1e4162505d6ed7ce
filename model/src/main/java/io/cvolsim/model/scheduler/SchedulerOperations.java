package io.cvolsim.model.scheduler;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.api.StatusWriteObserver;
import io.cvolsim.model.broker.BrokerClient;
import io.cvolsim.model.broker.QueueNames;
import io.cvolsim.model.capacity.CapacityLog;
import io.cvolsim.model.config.ManagerCompletion;
import io.cvolsim.model.config.SchedulerRouting;
import io.cvolsim.model.db.Assignment;
import java.util.List;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.rpc.CleanupResponse;
import io.cvolsim.model.rpc.SchedulerRpc;
import io.cvolsim.model.rpc.SchedulingRetry;
import io.cvolsim.model.rpc.VolumeRpc;
import io.cvolsim.model.workers.CleanupRequest;
import io.cvolsim.model.workers.CleanupRouting;
import io.cvolsim.model.workers.ResourceType;
import io.cvolsim.model.workers.ServiceLiveness;
import io.cvolsim.model.workers.WorkerEntry;
import io.cvolsim.model.workers.WorkerTable;
import java.util.SortedMap;

/** The scheduler manager's operations: placement of creates and forwarding of the rest. */
final class SchedulerOperations {
  private final NodeContext context;
  private final DbClient db;
  private final BrokerClient broker;
  private final WorkerTable workers;
  private final long serviceId;
  private final ServiceLiveness liveness;
  private final DatabaseClock databaseClock;
  private final SortedMap<String, Long> capabilityStamps;
  private final BackendCapacities capacities;
  private final CapacityLog capacityLog;
  private final CleanupDispatcher dispatcher;
  private final StatusWriteObserver statusWrites;
  private final SchedulerRouting routing;
  private final ManagerCompletion completion;
  private final int maxAttempts;

  SchedulerOperations(NodeContext context, DbClient db, BrokerClient broker, WorkerTable workers, long serviceId,
      ServiceLiveness liveness, DatabaseClock databaseClock, SortedMap<String, Long> capabilityStamps,
      BackendCapacities capacities, CapacityLog capacityLog, CleanupDispatcher dispatcher,
      StatusWriteObserver statusWrites, SchedulerRouting routing, ManagerCompletion completion, int maxAttempts) {
    this.maxAttempts = maxAttempts;
    this.context = context;
    this.db = db;
    this.broker = broker;
    this.workers = workers;
    this.serviceId = serviceId;
    this.liveness = liveness;
    this.databaseClock = databaseClock;
    this.capabilityStamps = capabilityStamps;
    this.capacities = capacities;
    this.capacityLog = capacityLog;
    this.dispatcher = dispatcher;
    this.statusWrites = statusWrites;
    this.routing = routing;
    this.completion = completion;
  }

  SimFuture<?> run(SchedulerRpc rpc) {
    if (rpc instanceof SchedulerRpc.CreateVolume create) {
      return create(create);
    }
    if (rpc instanceof SchedulerRpc.CreateSnapshot snapshot) {
      return workers.createWorker(ResourceType.SNAPSHOT, snapshot.snapshotId(), "creating")
          .flatMap(ignored -> forward(snapshot.volumeId(), new VolumeRpc.CreateSnapshot(snapshot.snapshotId(),
              snapshot.volumeId())));
    }
    if (rpc instanceof SchedulerRpc.ExtendVolume extend) {
      return forward(extend.volumeId(), new VolumeRpc.ExtendVolume(extend.volumeId(), extend.newSizeGb()));
    }
    if (rpc instanceof SchedulerRpc.Retype retype) {
      return forward(retype.volumeId(), new VolumeRpc.Retype(retype.volumeId(), retype.newVolumeTypeId()));
    }
    SchedulerRpc.MigrateVolume migrate = (SchedulerRpc.MigrateVolume) rpc;
    return forward(migrate.volumeId(), new VolumeRpc.MigrateVolume(migrate.volumeId(), migrate.destinationHost()));
  }

  /**
   * scheduler {@code create_volume} under {@code set_workers}: claim the row, choose a backend the
   * create was not sent to before, set host and cluster_name, cast to the backend's queue. No
   * such backend up, or scheduler_max_attempts placements already: the volume goes to error.
   */
  private SimFuture<?> create(SchedulerRpc.CreateVolume create) {
    SchedulingRetry retry = maxAttempts <= 1 ? null : create.retry() != null ? create.retry() : SchedulingRetry.first();
    return workers.setWorker(ResourceType.VOLUME, create.volumeId(), "creating", null, serviceId)
        .flatMap(claimed -> erroredOutOnFailure(create.volumeId(), claimed, schedule(create, retry, claimed)));
  }

  /**
   * Cinder's ScheduleCreateVolumeTask: whatever fails while scheduling (the database out of
   * reach, a deadlock on the host write) sets the volume to error ({@code common.error_out},
   * whose own failure is only logged) and re-raises; {@code set_workers} then drops the row,
   * since the object's status changed. Without it the volume stayed creating with a job nobody
   * would run again.
   */
  private <T> SimFuture<T> erroredOutOnFailure(String volumeId, WorkerEntry claimed, SimFuture<T> scheduling) {
    return scheduling.thenHandle(outcome -> {
      if (outcome instanceof Outcome.Success<T> success) {
        return SimFuture.succeeded(success.value());
      }
      Failure failure = ((Outcome.Failed<T>) outcome).failure();
      context.probe("scheduler.create-errored-out");
      return writeNoValidBackend(volumeId).thenHandle(errorOut -> workers.unsetWorker(claimed, "error", serviceId))
          .thenHandle(unset -> SimFuture.<T>failed(failure));
    });
  }

  private SimFuture<?> schedule(SchedulerRpc.CreateVolume create, SchedulingRetry retry, WorkerEntry claimed) {
    return databaseClock.refresh().flatMap(fresh -> db.select(Database.SERVICES,
            Condition.eq("deleted", false))).flatMap(services -> {
          if (retry != null && retry.numAttempts() >= maxAttempts) {
            context.probe("scheduler.max-attempts-exceeded");
            return writeNoValidBackend(create.volumeId()).flatMap(ignored ->
                workers.unsetWorker(claimed, "error", serviceId));
          }
          Placement.Choice choice = Placement.choose(services, capabilityStamps, liveness,
              context.localTimeNanos(), context.choices(), retry == null ? List.of() : retry.backends(),
              backend -> fitsCapacity(backend, create.sizeGb()));
          if (choice == null) {
            context.probe(retry != null && retry.numAttempts() > 0 ? "scheduler.no-backend-left-to-retry"
                : "scheduler.no-valid-backend");
            return writeNoValidBackend(create.volumeId()).flatMap(ignored ->
                workers.unsetWorker(claimed, "error", serviceId));
          }
          consumeCapacity(choice.backend(), create);
          return saveStatus(create.volumeId(), Row.values("host", choice.host(), "cluster_name", choice.clusterName()))
              .map(saved -> {
                broker.cast(QueueNames.volumeTopic(routing == SchedulerRouting.HOST_QUEUE
                        ? choice.host() : queueOf(choice.clusterName(), choice.host())),
                    new VolumeRpc.CreateVolume(create.volumeId(), create.sourceVolumeId(),
                        create.sourceSnapshotId(), create.sizeGb(), retry == null ? null : retry.placedOn(choice.backend())));
                return unsetLater(claimed);
              });
        });
  }

  private boolean fitsCapacity(String backend, long sizeGb) {
    boolean fits = capacities.fits(backend, sizeGb);
    if (!fits) {
      context.probe("scheduler.capacity-filtered");
    }
    return fits;
  }

  private void consumeCapacity(String backend, SchedulerRpc.CreateVolume create) {
    if (capacities.isLimited()) {
      // Dated by the clock that stamps reports, so that placedSince compares like with like.
      long placedAtNanos = databaseClock.stampsReports() ? databaseClock.lastReadNanos() : context.localTimeNanos();
      BackendCapacities.View view = capacities.consume(backend, create.sizeGb(), placedAtNanos);
      capacityLog.placed(context.self().name(), backend, create.volumeId(), create.sizeGb(), view.freeGb(),
          view.baseReportName(), capacities.limitGb());
    }
  }

  /** The row stays: status is still creating, so unset_worker leaves it for c-vol to claim. */
  private boolean unsetLater(WorkerEntry claimed) {
    workers.unsetWorker(claimed, "creating", serviceId);
    return true;
  }

  /** The volume goes to error: blindly as Cinder's scheduler does, or (V19) only if still creating. */
  private SimFuture<Boolean> writeNoValidBackend(String volumeId) {
    SortedMap<String, Object> fields = Row.values("status", "error");
    if (completion == ManagerCompletion.BLIND) {
      return saveStatus(volumeId, fields);
    }
    return observed(volumeId, fields, db.conditionalUpdate(Database.VOLUMES, volumeId,
        io.cvolsim.model.db.Condition.eq("status", "creating"), List.of(Assignment.set("status", "error"))));
  }

  /** A blind save of a volume's fields, observed as every status write of a service is. */
  SimFuture<Boolean> saveStatus(String volumeId, SortedMap<String, Object> fields) {
    return observed(volumeId, fields, db.save(Database.VOLUMES, volumeId, fields));
  }

  private SimFuture<Boolean> observed(String volumeId, SortedMap<String, Object> fields, SimFuture<Boolean> write) {
    return statusWrites.observe(context.self().name(), volumeId, fields, write);
  }

  /** Casts to the volume's {@code service_topic_queue}. */
  private SimFuture<?> forward(String volumeId, VolumeRpc job) {
    return db.get(Database.VOLUMES, volumeId).map(volume -> {
      if (volume == null || volume.get("host") == null) {
        context.probe("scheduler.forward-without-host");
        return false;
      }
      broker.cast(QueueNames.volumeTopic(queueOf(volume.string("cluster_name"), volume.string("host"))), job);
      return true;
    });
  }

  /** work_cleanup: route, fence where configured, send, and answer the API. */
  SimFuture<CleanupResponse> workCleanup(CleanupRequest request) {
    long now = context.localTimeNanos();
    return databaseClock.refresh().flatMap(fresh ->
        CleanupRouting.workCleanup(db, SchedulerNode.untilNow(request,
            databaseClock.boundsCleanups() ? databaseClock.lastReadNanos() : now), now, liveness))
        .flatMap(result -> dispatcher.dispatchAll(result.cleaning()).map(ignored -> SchedulerNode.response(result)));
  }

  private static String queueOf(String clusterName, String host) {
    return QueueNames.serviceTopicQueue(clusterName, host);
  }
}

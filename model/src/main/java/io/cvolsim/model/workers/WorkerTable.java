package io.cvolsim.model.workers;

import static io.cvolsim.model.workers.WorkerColumns.DELETED;
import static io.cvolsim.model.workers.WorkerColumns.ID;
import static io.cvolsim.model.workers.WorkerColumns.RACE_PREVENTER;
import static io.cvolsim.model.workers.WorkerColumns.RESOURCE_ID;
import static io.cvolsim.model.workers.WorkerColumns.RESOURCE_TYPE;
import static io.cvolsim.model.workers.WorkerColumns.SERVICE_ID;
import static io.cvolsim.model.workers.WorkerColumns.STATUS;
import static io.cvolsim.model.workers.WorkerColumns.UPDATED_AT;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.db.Assignment;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * The row lifecycle of reference §5.3 as one process performs it (cinder/objects/cleanable.py):
 * the API's {@code create_worker}, the consumer's {@code set_worker} claim and its
 * {@code unset_worker} release. Every statement goes over the network and may time out with an
 * unknown outcome; such a failure fails the returned future, as the exception would in Cinder.
 */
public final class WorkerTable {
  /** The reason of the {@link Failure.Error} set_worker fails with when another operation won. */
  public static final String CLEANABLE_IN_USE = "CleanableInUse";

  private final NodeContext context;
  private final DbClient db;
  private final WorkersOptions options;
  private final WorkerLog log;
  private final WorkerStamps stamps;

  public WorkerTable(NodeContext context, DbClient db, WorkersOptions options, WorkerLog log) {
    this.context = context;
    this.db = db;
    this.options = options;
    this.log = log;
    this.stamps = new WorkerStamps(context, db, options);
  }

  /** What create_worker did. */
  public enum CreateOutcome {
    /** The status is not cleanable, so no row was written (Cinder returns False). */
    NOT_CLEANABLE,
    INSERTED,
    /** A row for the resource existed and was silently handed to the new operation. */
    TOOK_OVER
  }

  /** Whether a failed set_worker means another cleanable operation holds the resource. */
  public static boolean isCleanableInUse(Failure failure) {
    return failure instanceof Failure.Error error && error.reason().startsWith(CLEANABLE_IN_USE);
  }

  /**
   * §5.3.1, at the API before the cast: INSERT an unclaimed row; on a unique violation an
   * unconditional update matched only on (type, id) takes the row over (service_id NULL, the new
   * status, updated_at, and race_preventer + 1 as {@code worker_update} always does). Loops while
   * the row vanishes between the two, up to the configured bound.
   */
  public SimFuture<CreateOutcome> createWorker(ResourceType type, String resourceId, String status) {
    if (!type.isCleanable(status)) {
      return SimFuture.succeeded(CreateOutcome.NOT_CLEANABLE);
    }
    return createAttempt(type, resourceId, status, 1);
  }

  private SimFuture<CreateOutcome> createAttempt(ResourceType type, String resourceId, String status,
      int attempt) {
    if (attempt > options.createWorkerMaxAttempts()) {
      context.probe("workers.create-worker-gave-up");
      return SimFuture.failed(Failure.error("create_worker: no row for " + type.dbName() + " "
          + resourceId + " after " + options.createWorkerMaxAttempts() + " attempts"));
    }
    return stamps.stamp().flatMap(now -> createAt(type, resourceId, status, attempt, now));
  }

  private SimFuture<CreateOutcome> createAt(ResourceType type, String resourceId, String status, int attempt,
      long now) {
    return db.insert(Database.WORKERS, newRow(type, resourceId, status, null, now)).flatMap(inserted -> {
      if (inserted != null) {
        log.record(WorkerEvent.Kind.CREATED, context.self().name(), null, WorkerEntry.of(inserted), null);
        return SimFuture.succeeded(CreateOutcome.INSERTED);
      }
      List<Assignment> takeOver = List.of(Assignment.set(SERVICE_ID, null), Assignment.set(STATUS, status),
          Assignment.set(UPDATED_AT, now), new Assignment.Increment(RACE_PREVENTER, 1));
      return db.update(Database.WORKERS, rowOf(type, resourceId), takeOver).flatMap(count -> {
        if (count == 0) {
          context.probe("workers.create-worker-retry");
          return createAttempt(type, resourceId, status, attempt + 1);
        }
        context.probe("workers.create-worker-took-over");
        log.record(WorkerEvent.Kind.TAKEN_OVER, context.self().name(), null,
            new WorkerEntry(0, type.dbName(), resourceId, status, null, 0, now, false), null);
        return SimFuture.succeeded(CreateOutcome.TOOK_OVER);
      });
    });
  }

  static SortedMap<String, Object> newRow(ResourceType type, String resourceId, String status,
      Long serviceId, long now) {
    return Row.values(RESOURCE_TYPE, type.dbName(), RESOURCE_ID, resourceId, STATUS, status,
        SERVICE_ID, serviceId, RACE_PREVENTER, 0L, WorkerColumns.CREATED_AT, now, UPDATED_AT, now,
        DELETED, false);
  }

  static Condition rowOf(ResourceType type, String resourceId) {
    return Condition.all(Condition.eq(RESOURCE_TYPE, type.dbName()), Condition.eq(RESOURCE_ID, resourceId));
  }

  /**
   * §5.3.2, a consumer claiming the row for its operation on {@code resource} whose status is
   * {@code status}. {@code known} is the entry this process holds from an earlier call, or null.
   * Answers the entry to hold from now on, or fails with {@link #CLEANABLE_IN_USE}.
   */
  public SimFuture<WorkerEntry> setWorker(ResourceType type, String resourceId, String status,
      WorkerEntry known, long serviceId) {
    if (known != null && known.cleaning()) {
      // The call comes from a cleanup that already claimed the row.
      return SimFuture.succeeded(known);
    }
    if (known != null) {
      return claimIfChanged(known, status, serviceId);
    }
    return db.select(Database.WORKERS, rowOf(type, resourceId)).flatMap(rows -> rows.isEmpty()
        ? insertOwn(type, resourceId, status, serviceId)
        : claimIfChanged(WorkerEntry.of(rows.get(0)), status, serviceId));
  }

  private SimFuture<WorkerEntry> insertOwn(ResourceType type, String resourceId, String status, long serviceId) {
    return stamps.stamp().flatMap(now -> db.insert(Database.WORKERS, newRow(type, resourceId, status, serviceId, now)))
        .flatMap(inserted -> {
      if (inserted == null) {
        WorkerEntry wanted = new WorkerEntry(0, type.dbName(), resourceId, status, serviceId, 0, 0, false);
        return inUse(wanted, serviceId);
      }
      WorkerEntry entry = WorkerEntry.of(inserted);
      log.record(WorkerEvent.Kind.CREATED, context.self().name(), serviceId, entry, null);
      return SimFuture.succeeded(entry);
    });
  }

  /** The CAS on the values read; the race_preventer part is gone under the V8 variant. */
  private SimFuture<WorkerEntry> claimIfChanged(WorkerEntry worker, String status, long serviceId) {
    if (worker.serviceId() != null && worker.serviceId() == serviceId && worker.status().equals(status)) {
      return SimFuture.succeeded(worker);
    }
    List<Condition> expected = new ArrayList<>(List.of(Condition.eq(ID, worker.id()),
        Condition.eq(SERVICE_ID, worker.serviceId()), Condition.eq(STATUS, worker.status()),
        Condition.eq(UPDATED_AT, worker.updatedAtNanos())));
    if (options.claim() != CleanupClaim.UPDATED_AT) {
      expected.add(Condition.eq(RACE_PREVENTER, worker.racePreventer()));
    }
    return stamps.stamp().flatMap(now -> claimAt(worker, status, serviceId, new Condition.All(expected), now));
  }

  private SimFuture<WorkerEntry> claimAt(WorkerEntry worker, String status, long serviceId, Condition expected,
      long now) {
    long sent = log.trueNow();
    long nextVersion = worker.racePreventer() + 1;
    List<Assignment> values = List.of(Assignment.set(SERVICE_ID, serviceId), Assignment.set(STATUS, status),
        Assignment.set(RACE_PREVENTER, nextVersion), Assignment.set(UPDATED_AT, now));
    return db.update(Database.WORKERS, expected, values).flatMap(count -> {
      if (count == 0) {
        return inUse(worker, serviceId);
      }
      WorkerEntry claimed = worker.updated(serviceId, status, nextVersion, now);
      log.record(WorkerEvent.Kind.SET, context.self().name(), serviceId, worker, null, sent);
      return SimFuture.succeeded(claimed);
    });
  }

  private SimFuture<WorkerEntry> inUse(WorkerEntry worker, long serviceId) {
    context.probe("workers.cleanable-in-use");
    log.record(WorkerEvent.Kind.SET_IN_USE, context.self().name(), serviceId, worker, null);
    return SimFuture.failed(Failure.error(CLEANABLE_IN_USE + ": " + worker.resourceType() + " "
        + worker.resourceId()));
  }

  /**
   * §5.3.4, the {@code set_workers} decorator's release: deletes the row only when the resource's
   * status has moved on from {@code worker.status}, keyed by (id, status, service_id) so that a
   * row someone else took meanwhile stays. Answers whether a row went.
   */
  public SimFuture<Boolean> unsetWorker(WorkerEntry worker, String currentStatus, Long serviceId) {
    if (worker == null || worker.status().equals(currentStatus)) {
      // Unchanged status: the operation failed unexpectedly or is stopping; the row flags cleanup.
      return SimFuture.succeeded(false);
    }
    Condition key = Condition.all(Condition.eq(ID, worker.id()), Condition.eq(STATUS, worker.status()),
        Condition.eq(SERVICE_ID, worker.serviceId()));
    long sent = log.trueNow();
    return db.delete(Database.WORKERS, key).map(count -> {
      if (count == 0) {
        context.probe("workers.unset-worker-noop");
        return false;
      }
      log.record(WorkerEvent.Kind.DELETED, context.self().name(), serviceId, worker, null, sent);
      return true;
    });
  }
}

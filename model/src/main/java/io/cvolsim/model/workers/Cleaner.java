package io.cvolsim.model.workers;

import static io.cvolsim.model.workers.WorkerColumns.ID;
import static io.cvolsim.model.workers.WorkerColumns.RACE_PREVENTER;
import static io.cvolsim.model.workers.WorkerColumns.RESOURCE_ID;
import static io.cvolsim.model.workers.WorkerColumns.RESOURCE_TYPE;
import static io.cvolsim.model.workers.WorkerColumns.SERVICE_ID;
import static io.cvolsim.model.workers.WorkerColumns.STATUS;
import static io.cvolsim.model.workers.WorkerColumns.UPDATED_AT;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.db.Assignment;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CleanableManager.do_cleanup} (reference §5.5, cinder/manager.py) for one service: select
 * its rows up to {@code until}, claim each by CAS, load the resource, run the cleanup action when
 * the statuses still match, and delete the row unless it must be kept. Reproduces O1: the
 * keep-entry flag lives for the whole run and is only assigned when an action ran, so after a
 * {@code deleting} row every later skipped row stays claimed by this cleaner.
 *
 * <p>A failing statement outside the action fails the whole run, as the exception escapes
 * Cinder's loop; a failing action hands its row back and the loop goes on.
 */
public final class Cleaner {
  private final NodeContext context;
  private final DbClient db;
  private final WorkersOptions options;
  private final WorkerStamps stamps;
  private final WorkerLog log;
  private final long serviceId;
  private final CleanupAction action;

  public Cleaner(NodeContext context, DbClient db, WorkersOptions options, WorkerLog log, long serviceId,
      CleanupAction action) {
    this.context = context;
    this.db = db;
    this.options = options;
    this.log = log;
    this.serviceId = serviceId;
    this.action = action;
    this.stamps = new WorkerStamps(context, db, options);
  }

  /** The state of one do_cleanup call; {@code keepEntry} is the O1 variable, never reset per row. */
  private static final class Run {
    final Long untilNanos;
    final CleanupReport.Tally tally = new CleanupReport.Tally();
    boolean keepEntry;

    Run(Long untilNanos) {
      this.untilNanos = untilNanos;
    }
  }

  public SimFuture<CleanupReport> doCleanup(CleanupRequest request) {
    if (options.claim() == CleanupClaim.NONE) {
      return cleanUntil(request, null);
    }
    return request.untilNanos() != null ? cleanUntil(request, request.untilNanos())
        : stamps.now().flatMap(now -> cleanUntil(request, now));
  }

  private SimFuture<CleanupReport> cleanUntil(CleanupRequest request, Long until) {
    Run run = new Run(until);
    return db.select(Database.WORKERS, selection(request, until)).flatMap(rows -> cleanFrom(run, rows, 0));
  }

  private static Condition selection(CleanupRequest request, Long until) {
    List<Condition> parts = new ArrayList<>();
    parts.add(Condition.notEq(RESOURCE_TYPE, WorkerColumns.SENTINEL));
    // Cinder drops filters whose value is None, so a null service id selects every service's rows.
    if (request.serviceId() != null) {
      parts.add(Condition.eq(SERVICE_ID, request.serviceId()));
    }
    if (request.resourceType() != null) {
      parts.add(Condition.eq(RESOURCE_TYPE, request.resourceType().dbName()));
    }
    if (request.resourceId() != null) {
      parts.add(Condition.eq(RESOURCE_ID, request.resourceId()));
    }
    if (until != null) {
      parts.add(new Condition.AtMost(UPDATED_AT, until));
    }
    return new Condition.All(parts);
  }

  private SimFuture<CleanupReport> cleanFrom(Run run, List<Row> rows, int index) {
    if (index == rows.size()) {
      return SimFuture.succeeded(run.tally.report());
    }
    return cleanRow(run, WorkerEntry.of(rows.get(index))).flatMap(done -> cleanFrom(run, rows, index + 1));
  }

  private SimFuture<Boolean> cleanRow(Run run, WorkerEntry read) {
    String node = context.self().name();
    log.record(WorkerEvent.Kind.CLAIM_ATTEMPT, node, serviceId, read, run.untilNanos);
    return stamps.stamp().flatMap(now -> claimRow(run, read, now));
  }

  private SimFuture<Boolean> claimRow(Run run, WorkerEntry read, long now) {
    String node = context.self().name();
    List<Assignment> claim = List.of(Assignment.set(SERVICE_ID, serviceId),
        Assignment.set(RACE_PREVENTER, read.racePreventer() + 1), Assignment.set(UPDATED_AT, now));
    long sent = log.trueNow();
    return db.update(Database.WORKERS, claimCondition(read), claim).flatMap(count -> {
      if (count == 0) {
        // Another cleaner, the owner finishing, or a new operation took the row.
        context.probe("cleanup.claim-lost");
        log.record(WorkerEvent.Kind.CLAIM_LOST, node, serviceId, read, run.untilNanos);
        run.tally.lost.add(read.id());
        return SimFuture.succeeded(false);
      }
      log.record(WorkerEvent.Kind.CLAIM_WON, node, serviceId, read, run.untilNanos, sent);
      run.tally.claimed.add(read.id());
      WorkerEntry claimed = read.updated(serviceId, read.status(), read.racePreventer() + 1, now).markedCleaning();
      return cleanClaimed(run, read, claimed);
    });
  }

  private Condition claimCondition(WorkerEntry read) {
    Condition byId = Condition.eq(ID, read.id());
    if (options.claim() == CleanupClaim.NONE) {
      return byId;
    }
    List<Condition> parts = new ArrayList<>(List.of(byId, Condition.eq(STATUS, read.status()),
        Condition.eq(SERVICE_ID, read.serviceId()), new Condition.AtMost(UPDATED_AT, read.updatedAtNanos())));
    if (options.claim() == CleanupClaim.RACE_PREVENTER) {
      parts.add(Condition.eq(RACE_PREVENTER, read.racePreventer()));
    }
    return new Condition.All(parts);
  }

  private SimFuture<Boolean> cleanClaimed(Run run, WorkerEntry read, WorkerEntry claimed) {
    ResourceType type = ResourceType.fromDbName(read.resourceType());
    if (type == null) {
      // Cinder's getattr(objects, type) raises outside the NotFound handler and ends the run.
      return SimFuture.failed(Failure.error("no cleanable class " + read.resourceType()));
    }
    return db.get(type.table(), read.resourceId()).flatMap(resource -> {
      if (resource == null || resource.isTrue("deleted")) {
        context.probe("cleanup.resource-not-found");
        return finish(run, read, false);
      }
      if (!read.status().equals(resource.string(STATUS))) {
        // Reset, forced or moved on since the row was written.
        context.probe("cleanup.status-mismatch-skipped");
        return finish(run, read, false);
      }
      log.record(WorkerEvent.Kind.ACTION_RUN, context.self().name(), serviceId, read, run.untilNanos);
      run.tally.actionsRun.add(read.id());
      return action.clean(type, resource, claimed).thenHandle(outcome -> afterAction(run, read, outcome));
    });
  }

  private SimFuture<Boolean> afterAction(Run run, WorkerEntry read, Outcome<Boolean> outcome) {
    if (outcome instanceof Outcome.Success<Boolean> success) {
      run.keepEntry = success.value();
      return finish(run, read, true);
    }
    context.probe("cleanup.action-failed-given-back");
    log.record(WorkerEvent.Kind.ACTION_FAILED, context.self().name(), serviceId, read, run.untilNanos);
    List<Assignment> giveBack = List.of(Assignment.set(SERVICE_ID, read.serviceId()),
        Assignment.set(UPDATED_AT, read.updatedAtNanos()), new Assignment.Increment(RACE_PREVENTER, 1));
    return db.update(Database.WORKERS, Condition.eq(ID, read.id()), giveBack).flatMap(count -> {
      if (count == 0) {
        // worker_update raises WorkerNotFound from inside the except block: the run ends.
        context.probe("cleanup.give-back-row-gone");
        return SimFuture.failed(Failure.error("WorkerNotFound: workers row " + read.id()));
      }
      log.record(WorkerEvent.Kind.GIVEN_BACK, context.self().name(), serviceId, read, run.untilNanos);
      run.tally.givenBack.add(read.id());
      return SimFuture.succeeded(false);
    });
  }

  /** Deletes the row unless the run's keep-entry flag is set, which may be left over (O1). */
  private SimFuture<Boolean> finish(Run run, WorkerEntry read, boolean actionRan) {
    if (!actionRan) {
      run.tally.skipped.add(read.id());
    }
    if (run.keepEntry) {
      if (!actionRan) {
        context.probe("cleanup.keep-entry-leak");
      }
      log.record(WorkerEvent.Kind.KEPT, context.self().name(), serviceId, read, run.untilNanos);
      run.tally.kept.add(read.id());
      return SimFuture.succeeded(true);
    }
    long sent = log.trueNow();
    return db.delete(Database.WORKERS, Condition.eq(ID, read.id())).map(count -> {
      if (count > 0) {
        log.record(WorkerEvent.Kind.DELETED, context.self().name(), serviceId, read, run.untilNanos, sent);
        run.tally.deleted.add(read.id());
      } else {
        context.probe("cleanup.row-already-gone");
      }
      return true;
    });
  }
}

package io.cvolsim.model.service;

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
import java.util.function.BooleanSupplier;

/**
 * A service's {@code report_state} loop (reference §4.4): every {@code report_interval}, after
 * an initial delay of one interval, re-read the service row and save it with
 * {@code report_count + 1}; {@code updated_at} is stamped with this node's clock. No beat while
 * the manager is not working. What a database error does depends on {@link HeartbeatMode}.
 */
public final class Heartbeat {
  private final NodeContext context;
  private final DbClient db;
  private final ServiceOptions options;
  private final Object serviceId;
  private final BooleanSupplier managerIsWorking;
  private boolean stopped;
  private boolean modelDisconnected;
  private long lastSuccessMonotonicNanos;
  private final HeartbeatObserver observer;
  private List<Assignment> alsoWritten = List.of();

  public Heartbeat(NodeContext context, DbClient db, ServiceOptions options, Object serviceId,
      BooleanSupplier managerIsWorking, HeartbeatObserver observer) {
    this.observer = observer;
    this.context = context;
    this.db = db;
    this.options = options;
    this.serviceId = serviceId;
    this.managerIsWorking = managerIsWorking;
    this.lastSuccessMonotonicNanos = context.monotonicNanos();
  }

  /** Each beat also writes {@code column} (a c-vol's incarnation, for storage fencing). */
  public Heartbeat alsoWriting(String column, Object value) {
    alsoWritten = List.of(Assignment.set(column, value));
    return this;
  }

  public void start() {
    observer.started();
    scheduleNext(options.reportIntervalNanos());
  }

  /** Stops beating, as a graceful shutdown does. */
  public void stop() {
    stopped = true;
  }

  /** Whether the last beat failed (Cinder's {@code model_disconnected}). */
  public boolean modelDisconnected() {
    return modelDisconnected;
  }

  /** This node's monotonic clock at its last successful beat: what self-fencing measures from. */
  public long lastSuccessMonotonicNanos() {
    return lastSuccessMonotonicNanos;
  }

  private void scheduleNext(long delayNanos) {
    if (!stopped) {
      context.setTimer("heartbeat", delayNanos, this::beat);
    }
  }

  private void beat() {
    if (stopped) {
      return;
    }
    if (!managerIsWorking.getAsBoolean()) {
      context.probe("heartbeat.skipped-driver-not-working");
      observer.skipped();
      scheduleNext(options.reportIntervalNanos());
      return;
    }
    long startedAt = context.monotonicNanos();
    observer.sending();
    reportState(0).whenComplete(outcome -> afterBeat(outcome, startedAt));
  }

  private void afterBeat(Outcome<Boolean> outcome, long startedAtNanos) {
    if (outcome.isSuccess()) {
      observer.acknowledged();
      modelDisconnected = false;
      lastSuccessMonotonicNanos = context.monotonicNanos();
    } else {
      modelDisconnected = true;
      context.probe("heartbeat.failed");
      if (options.heartbeatMode() == HeartbeatMode.DIES_ON_ERROR) {
        context.probe("heartbeat.thread-died");
        stopped = true;
        return;
      }
    }
    // A looping call runs at fixed intervals from each start, timed on the monotonic clock (as
    // oslo.service does), so setting the wall clock back does not stall it; an overrun beat runs the
    // next at once.
    long elapsed = context.monotonicNanos() - startedAtNanos;
    scheduleNext(Math.max(0, options.reportIntervalNanos() - elapsed));
  }

  /** One report: read, then save with the count incremented; retried with back-off if so configured. */
  private SimFuture<Boolean> reportState(int attempt) {
    SimFuture<Boolean> once = db.get(Database.SERVICES, serviceId).flatMap(row -> save(row));
    if (options.heartbeatMode() != HeartbeatMode.RETRY_BACKOFF) {
      return once;
    }
    return once.thenHandle(outcome -> {
      if (outcome.isSuccess() || attempt >= options.retryCountMax()) {
        return outcome.isSuccess() ? SimFuture.succeeded(true) : SimFuture.failed(failureOf(outcome));
      }
      context.probe("heartbeat.retry-backoff");
      long backoff = Math.min(options.retryIntervalMaxNanos(), (1L << Math.min(attempt, 30)) * 1_000_000_000L);
      return context.sleep("heartbeat-retry", backoff).flatMap(ignored -> reportState(attempt + 1));
    });
  }

  /** {@code updated_at} as a beat writes it: the database's NOW() or the writer's clock. */
  public static Assignment updatedAtNow(ServiceOptions options, NodeContext context) {
    return options.heartbeatClock() == HeartbeatClock.DATABASE
        ? new Assignment.DatabaseNow("updated_at") : Assignment.set("updated_at", context.localTimeNanos());
  }

  private SimFuture<Boolean> save(Row row) {
    if (row == null) {
      return SimFuture.succeeded(false);
    }
    List<Assignment> values = new ArrayList<>(
        List.of(Assignment.set("report_count", row.longValue("report_count", 0) + 1), updatedAtNow(options, context)));
    values.addAll(alsoWritten);
    return db.updateOnce(Database.SERVICES, Condition.eq("id", serviceId), values)
        .map(count -> count > 0);
  }

  private static io.cvolsim.kernel.api.Failure failureOf(Outcome<Boolean> outcome) {
    return ((Outcome.Failed<Boolean>) outcome).failure();
  }
}

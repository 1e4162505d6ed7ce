package io.cvolsim.model.scheduler;

import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.workers.AutoCleanupPlanner;
import io.cvolsim.model.workers.CleanupRequest;
import io.cvolsim.model.workers.CleanupRouting;
import io.cvolsim.model.workers.ServiceLiveness;
import java.util.List;

/**
 * The spec's automatic cleanup (V9, NOT IMPLEMENTED in Cinder): every service_down_time the
 * scheduler samples the services and cleans those down long enough, as a cleanup request would.
 */
final class AutomaticCleanup {
  private final NodeContext context;
  private final DbClient db;
  private final AutoCleanupPlanner planner;
  private final ServiceLiveness liveness;
  private final CleanupDispatcher dispatcher;
  private final DatabaseClock databaseClock;

  AutomaticCleanup(NodeContext context, DbClient db, AutoCleanupPlanner planner, ServiceLiveness liveness,
      DatabaseClock databaseClock, CleanupDispatcher dispatcher) {
    this.databaseClock = databaseClock;
    this.context = context;
    this.db = db;
    this.planner = planner;
    this.liveness = liveness;
    this.dispatcher = dispatcher;
  }

  void start() {
    context.setTimer("auto-cleanup", planner.tickIntervalNanos(), this::tick);
  }

  private void tick() {
    databaseClock.refresh().flatMap(fresh -> db.select(Database.SERVICES, Condition.eq("deleted", false)))
        .whenComplete(outcome -> {
      if (outcome instanceof Outcome.Success<List<Row>> read) {
        long now = context.localTimeNanos();
        for (CleanupRequest planned : planner.onTick(read.value(), now)) {
          context.probe("scheduler.auto-cleanup");
          CleanupRequest request = databaseClock.boundsCleanups()
              ? planned.withUntilNanos(databaseClock.lastReadNanos()) : planned;
          CleanupRouting.workCleanup(db, request, now, liveness)
              .whenComplete(routed -> {
                if (routed instanceof Outcome.Success<CleanupRouting.Result> result) {
                  dispatcher.dispatchAll(result.value().cleaning());
                }
              });
        }
      }
      start();
    });
  }
}

package io.cvolsim.model.workers;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.model.db.Database;
import io.cvolsim.model.workers.WorkerTable.CreateOutcome;
import org.junit.jupiter.api.Test;

/**
 * workers.clock: a node whose clock runs ahead stamps its rows in the future of a node whose
 * clock lags, so the lagging node's cleanup, bounded by its own now, passes them over (the L2
 * failure of swarm seed 1266). Stamped and bounded by the database's clock, it does not.
 */
class WorkersClockTest {
  private static final long SERVICE = 5;

  private static WorkersWorld skewedWorld(WorkersClock clock) {
    WorkersWorld world = new WorkersWorld(3, WorkersOptions.cinderToday().withClock(clock))
        .client("c-vol-ahead").client("c-vol-behind");
    world.simulation.setClockOffset(io.cvolsim.kernel.api.NodeId.of("c-vol-ahead"), seconds(85));
    world.simulation.setClockOffset(io.cvolsim.kernel.api.NodeId.of("c-vol-behind"), -seconds(97));
    return world;
  }

  /** The ahead node claims a volume's row at 1 s; the behind node cleans that service's rows at 10 s. */
  private static CleanupReport claimThenClean(WorkersWorld world) {
    world.insert(Database.VOLUMES, "id", "v1", "status", "deleting", "deleted", false);
    world.startAt(seconds(1), "claim", () -> world.table("c-vol-ahead")
        .setWorker(ResourceType.VOLUME, "v1", "deleting", null, SERVICE));
    Cleaner cleaner = world.cleaner("c-vol-behind", SERVICE, WorkersWorld.slowAction(millis(10)));
    WorkersWorld.Result<CleanupReport> report = world.startAt(seconds(10), "clean",
        () -> cleaner.doCleanup(CleanupRequest.forService(SERVICE)));
    world.runUntil(seconds(20));
    return report.value();
  }

  @Test
  void writerClocks_aCleanupOnALaggingClockPassesOverARowStampedAhead() {
    WorkersWorld world = skewedWorld(WorkersClock.WRITER);
    CleanupReport report = claimThenClean(world);

    assertThat(report.claimed()).isEmpty();
    assertThat(world.database.rows(Database.WORKERS)).singleElement()
        .satisfies(row -> assertThat(row.longValue("updated_at", 0)).isGreaterThan(seconds(85)));
  }

  @Test
  void databaseClock_theSameCleanupSelectsTheRow() {
    WorkersWorld world = skewedWorld(WorkersClock.DB_SERVER);
    CleanupReport report = claimThenClean(world);

    assertThat(report.claimed()).hasSize(1);
  }

  @Test
  void databaseClock_stampsCreatedRowsWithTheServersTime() {
    WorkersWorld world = new WorkersWorld(11, WorkersOptions.cinderToday().withClock(WorkersClock.DB_SERVER))
        .client("api");
    world.simulation.setClockOffset(WorkersWorld.DATABASE, seconds(100));
    WorkersWorld.Result<CreateOutcome> created = world.startAt(seconds(1), "create",
        () -> world.table("api").createWorker(ResourceType.VOLUME, "v1", "creating"));
    world.runUntil(seconds(2));

    assertThat(created.value()).isEqualTo(CreateOutcome.INSERTED);
    assertThat(world.database.rows(Database.WORKERS)).singleElement()
        .satisfies(row -> assertThat(row.longValue("updated_at", -1)).isBetween(seconds(101), seconds(102)));
  }
}

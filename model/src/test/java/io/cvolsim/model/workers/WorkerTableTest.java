package io.cvolsim.model.workers;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.workers.WorkerTable.CreateOutcome;
import org.junit.jupiter.api.Test;

class WorkerTableTest {
  private final WorkersWorld world =
      new WorkersWorld(11, WorkersOptions.cinderToday()).client("api").client("c-vol-1").client("c-vol-2");

  private Row onlyWorker() {
    assertThat(world.database.rows(Database.WORKERS)).hasSize(1);
    return world.database.rows(Database.WORKERS).get(0);
  }

  @Test
  void createWorker_insertsAnUnclaimedRowStampedWithTheApiClock() {
    world.simulation.setClockOffset(WorkersWorld.DATABASE, seconds(100));
    WorkersWorld.Result<CreateOutcome> created = world.startAt(seconds(1), "create",
        () -> world.table("api").createWorker(ResourceType.VOLUME, "v1", "creating"));
    world.runUntil(seconds(2));

    assertThat(created.value()).isEqualTo(CreateOutcome.INSERTED);
    Row row = onlyWorker();
    assertThat(row.get("service_id")).isNull();
    assertThat(row.get("race_preventer")).isEqualTo(0L);
    assertThat(row.longValue("updated_at", -1)).isBetween(seconds(1), seconds(2));
  }

  @Test
  void createWorker_takesOverAStaleRow() {
    long stale = world.volumeWithWorker("v1", "deleting", "deleting", 10L, seconds(1));
    WorkersWorld.Result<CreateOutcome> created = world.startAt(seconds(5), "create",
        () -> world.table("api").createWorker(ResourceType.VOLUME, "v1", "creating"));
    world.runUntil(seconds(6));

    assertThat(created.value()).isEqualTo(CreateOutcome.TOOK_OVER);
    Row row = world.worker(stale);
    assertThat(row.get("service_id")).isNull();
    assertThat(row.get("status")).isEqualTo("creating");
    assertThat(row.get("race_preventer")).isEqualTo(1L);
    assertThat(row.longValue("updated_at", -1)).isGreaterThanOrEqualTo(seconds(5));
    assertThat(world.count(WorkerEvent.Kind.TAKEN_OVER)).isOne();
  }

  @Test
  void createWorker_writesNothingForAStatusThatIsNotCleanable() {
    WorkersWorld.Result<CreateOutcome> created = world.startAt(seconds(1), "create",
        () -> world.table("api").createWorker(ResourceType.SNAPSHOT, "s1", "deleting"));
    world.runUntil(seconds(2));

    assertThat(created.value()).isEqualTo(CreateOutcome.NOT_CLEANABLE);
    assertThat(world.database.rows(Database.WORKERS)).isEmpty();
  }

  @Test
  void setWorker_twoConsumersRaceForTheApiRow_oneGetsCleanableInUse() {
    world.volumeWithWorker("v1", "creating", "creating", null, seconds(1));
    WorkersWorld.Result<WorkerEntry> first = world.startAt(seconds(2), "c-vol-1 claims",
        () -> world.table("c-vol-1").setWorker(ResourceType.VOLUME, "v1", "creating", null, 11));
    WorkersWorld.Result<WorkerEntry> second = world.startAt(seconds(2), "c-vol-2 claims",
        () -> world.table("c-vol-2").setWorker(ResourceType.VOLUME, "v1", "creating", null, 12));
    world.runUntil(seconds(3));

    boolean firstWon = first.outcome().isSuccess();
    assertThat(second.outcome().isSuccess()).isNotEqualTo(firstWon);
    Outcome<WorkerEntry> loser = firstWon ? second.outcome() : first.outcome();
    assertThat(WorkerTable.isCleanableInUse(((Outcome.Failed<WorkerEntry>) loser).failure())).isTrue();
    Row row = onlyWorker();
    assertThat(row.get("service_id")).isEqualTo(firstWon ? 11L : 12L);
    assertThat(row.get("race_preventer")).isEqualTo(1L);
  }

  @Test
  void setWorker_withAStaleEntry_failsWhenAnotherServiceHoldsAFresherClaim() {
    world.volumeWithWorker("v1", "creating", "creating", null, seconds(1));
    WorkersWorld.Result<WorkerEntry> stale = world.startAt(seconds(2), "c-vol-2 reads",
        () -> world.table("c-vol-2").setWorker(ResourceType.VOLUME, "v1", "creating", null, 12));
    world.runUntil(seconds(3));
    WorkersWorld.Result<WorkerEntry> fresher = world.startAt(seconds(4), "c-vol-1 takes it",
        () -> world.table("c-vol-1").setWorker(ResourceType.VOLUME, "v1", "creating", null, 11));
    world.runUntil(seconds(5));
    WorkersWorld.Result<WorkerEntry> moved = world.startAt(seconds(6), "c-vol-2 moves on",
        () -> world.table("c-vol-2").setWorker(ResourceType.VOLUME, "v1", "downloading", stale.value(), 12));
    world.runUntil(seconds(7));

    assertThat(fresher.value().serviceId()).isEqualTo(11L);
    Outcome<WorkerEntry> outcome = moved.outcome();
    assertThat(outcome).isInstanceOf(Outcome.Failed.class);
    assertThat(WorkerTable.isCleanableInUse(((Outcome.Failed<WorkerEntry>) outcome).failure())).isTrue();
    assertThat(onlyWorker().get("service_id")).isEqualTo(11L);
  }

  @Test
  void setWorker_insertsItsOwnRowWhenTheApiWroteNone() {
    WorkersWorld.Result<WorkerEntry> claimed = world.startAt(seconds(1), "claim",
        () -> world.table("c-vol-1").setWorker(ResourceType.SNAPSHOT, "s1", "creating", null, 11));
    world.runUntil(seconds(2));

    assertThat(claimed.value().serviceId()).isEqualTo(11L);
    assertThat(onlyWorker().get("resource_type")).isEqualTo("Snapshot");
  }

  @Test
  void setWorker_fromACleanup_leavesTheRowAlone() {
    long id = world.volumeWithWorker("v1", "deleting", "deleting", 10L, seconds(1));
    WorkerEntry cleaning = WorkerEntry.of(world.worker(id)).markedCleaning();
    WorkersWorld.Result<WorkerEntry> result = world.startAt(seconds(2), "re-run delete",
        () -> world.table("c-vol-1").setWorker(ResourceType.VOLUME, "v1", "deleting", cleaning, 11));
    world.runUntil(seconds(3));

    assertThat(result.value()).isEqualTo(cleaning);
    assertThat(world.worker(id).get("service_id")).isEqualTo(10L);
  }

  @Test
  void unsetWorker_deletesOnlyWhenTheStatusMovedOnAndTheRowIsStillOurs() {
    long id = world.volumeWithWorker("v1", "creating", "creating", 11L, seconds(1));
    WorkerEntry ours = WorkerEntry.of(world.worker(id));
    WorkersWorld.Result<Boolean> unchanged = world.startAt(seconds(2), "unset, still creating",
        () -> world.table("c-vol-1").unsetWorker(ours, "creating", 11L));
    world.runUntil(seconds(3));
    assertThat(unchanged.value()).isFalse();
    assertThat(world.worker(id)).isNotNull();

    WorkersWorld.Result<Boolean> done = world.startAt(seconds(4), "unset, available",
        () -> world.table("c-vol-1").unsetWorker(ours, "available", 11L));
    world.runUntil(seconds(5));
    assertThat(done.value()).isTrue();
    assertThat(world.worker(id)).isNull();
  }

  @Test
  void unsetWorker_isANoOpWhenSomeoneElseTookTheRow() {
    long id = world.volumeWithWorker("v1", "creating", "creating", 11L, seconds(1));
    WorkerEntry ours = WorkerEntry.of(world.worker(id));
    Cleaner peer = world.cleaner("c-vol-2", 12, context -> (type, resource, claimed) ->
        context.sleep("slow cleanup", seconds(5)).map(done -> false));
    world.startAt(seconds(2), "peer cleans c-vol-1 (is_up=true)", () -> peer.doCleanup(
        CleanupRequest.forService(11).withIsUp(true)));
    WorkersWorld.Result<Boolean> unset = world.startAt(seconds(3), "c-vol-1 finishes",
        () -> world.table("c-vol-1").unsetWorker(ours, "available", 11L));
    world.runUntil(seconds(4));

    assertThat(unset.value()).isFalse();
    assertThat(world.worker(id).get("service_id")).isEqualTo(12L);
    assertThat(world.probeCount("workers.unset-worker-noop")).isOne();
  }
}

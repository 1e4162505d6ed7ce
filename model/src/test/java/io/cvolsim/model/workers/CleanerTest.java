package io.cvolsim.model.workers;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DbStatement;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.workers.WorkerEvent.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CleanerTest {
  private static final long DEAD_SERVICE = 10;

  private static WorkersWorld world(CleanupClaim claim) {
    return new WorkersWorld(7, WorkersOptions.cinderToday().withClaim(claim)).client("c-vol-1").client("c-vol-2");
  }

  private static CleanupReport cleanAtTenSeconds(WorkersWorld world, Cleaner cleaner, CleanupRequest request) {
    WorkersWorld.Result<CleanupReport> report = world.startAt(seconds(10), "clean", () -> cleaner.doCleanup(request));
    world.runUntil(seconds(20));
    return report.value();
  }

  /** Two cleaners of one dead service, started together, each doing a second of work per row. */
  private static void twoCleaners(WorkersWorld world) {
    Cleaner first = world.cleaner("c-vol-1", 11, WorkersWorld.slowAction(seconds(1)));
    Cleaner second = world.cleaner("c-vol-2", 12, WorkersWorld.slowAction(seconds(1)));
    CleanupRequest request = CleanupRequest.forService(DEAD_SERVICE);
    world.startAt(seconds(10), "c-vol-1 cleans", () -> first.doCleanup(request));
    world.startAt(seconds(10), "c-vol-2 cleans", () -> second.doCleanup(request));
    world.runUntil(seconds(30));
  }

  @Test
  void racePreventer_twoConcurrentCleanersClaimEachRowExactlyOnce() {
    WorkersWorld world = world(CleanupClaim.RACE_PREVENTER);
    for (String volume : List.of("v1", "v2", "v3")) {
      world.volumeWithWorker(volume, "creating", "creating", DEAD_SERVICE, seconds(1));
    }
    twoCleaners(world);

    assertThat(world.count(Kind.CLAIM_ATTEMPT)).isEqualTo(6);
    assertThat(world.count(Kind.CLAIM_WON)).isEqualTo(3);
    assertThat(world.count(Kind.CLAIM_LOST)).isEqualTo(3);
    assertThat(world.log.cleanersByRowVersion()).hasSize(3).allSatisfy((version, cleaners) ->
        assertThat(cleaners).as("cleaners of %s", version).hasSize(1));
    assertThat(world.database.rows("workers")).isEmpty();
    assertThat(world.probeCount("cleanup.claim-lost")).isEqualTo(3);
  }

  @Test
  void noClaim_bothCleanersRunTheAction_anS8ViolationTheLogShows() {
    WorkersWorld world = world(CleanupClaim.NONE);
    long row = world.volumeWithWorker("v1", "creating", "creating", DEAD_SERVICE, seconds(1));
    twoCleaners(world);

    assertThat(world.count(Kind.ACTION_RUN)).isEqualTo(2);
    assertThat(world.log.cleanersByRowVersion().get(row + "@0")).containsExactlyInAnyOrder(11L, 12L);
  }

  /** Two greenthreads of one service (its startup and a request) clean its own row at once. */
  private static WorkersWorld sameServiceClaimsWithinOneSecond(CleanupClaim claim, long granularityNanos) {
    WorkersOptions options = WorkersOptions.cinderToday().withClaim(claim)
        .withTimestampGranularityNanos(granularityNanos);
    WorkersWorld world = new WorkersWorld(3, options).client("c-vol-1");
    world.volumeWithWorker("v1", "creating", "creating", DEAD_SERVICE, options.stored(millis(200)));
    Cleaner cleaner = world.cleaner("c-vol-1", DEAD_SERVICE, WorkersWorld.slowAction(millis(100)));
    world.startAt(millis(300), "startup cleanup", () -> cleaner.doCleanup(CleanupRequest.forService(DEAD_SERVICE)));
    world.startAt(millis(300), "requested cleanup", () -> cleaner.doCleanup(CleanupRequest.forService(DEAD_SERVICE)));
    world.runUntil(seconds(5));
    return world;
  }

  /** V8: only the updated-at claim on one-second timestamps lets both greenthreads win. */
  @ParameterizedTest(name = "{0} claim, {1} ns timestamps: {2} of 2 win")
  @CsvSource({"UPDATED_AT, 1000000000, 2", "UPDATED_AT, 1000, 1", "RACE_PREVENTER, 1000000000, 1"})
  void sameServiceClaimsWithinOneSecond(CleanupClaim claim, long granularityNanos, int wins) {
    WorkersWorld world = sameServiceClaimsWithinOneSecond(claim, granularityNanos);
    assertThat(world.count(Kind.CLAIM_WON)).isEqualTo(wins);
    assertThat(world.count(Kind.CLAIM_LOST)).isEqualTo(2 - wins);
    assertThat(world.count(Kind.ACTION_RUN)).isEqualTo(wins);
  }

  @Test
  void rowUpdatedAfterUntil_isNotTouched() {
    WorkersWorld world = world(CleanupClaim.RACE_PREVENTER);
    long old = world.volumeWithWorker("v1", "creating", "creating", DEAD_SERVICE, seconds(1));
    long fresh = world.volumeWithWorker("v2", "creating", "creating", DEAD_SERVICE, seconds(8));
    Cleaner cleaner = world.cleaner("c-vol-1", 11, WorkersWorld.slowAction(millis(10)));
    CleanupRequest request = CleanupRequest.forService(DEAD_SERVICE).withUntilNanos(seconds(5));
    CleanupReport report = cleanAtTenSeconds(world, cleaner, request);

    assertThat(report.claimed()).containsExactly(old);
    assertThat(world.worker(fresh).get("service_id")).isEqualTo(DEAD_SERVICE);
    assertThat(world.log.events(Kind.CLAIM_ATTEMPT)).allSatisfy(event ->
        assertThat(event.row().updatedAtNanos()).isLessThanOrEqualTo(event.untilNanos()));
  }

  @Test
  void noClaim_ignoresUntil_andCleansNewerWork() {
    WorkersWorld world = world(CleanupClaim.NONE);
    long fresh = world.volumeWithWorker("v2", "creating", "creating", DEAD_SERVICE, seconds(8));
    Cleaner cleaner = world.cleaner("c-vol-1", 11, WorkersWorld.slowAction(millis(10)));
    CleanupRequest request = CleanupRequest.forService(DEAD_SERVICE).withUntilNanos(seconds(5));
    CleanupReport report = cleanAtTenSeconds(world, cleaner, request);

    assertThat(report.actionsRun()).containsExactly(fresh);
  }

  @Test
  void keepEntryLeak_aMismatchedRowAfterADeletingRowStaysClaimedByTheCleaner() {
    WorkersWorld world = world(CleanupClaim.RACE_PREVENTER);
    long deleting = world.volumeWithWorker("v1", "deleting", "deleting", DEAD_SERVICE, seconds(1));
    long mismatched = world.volumeWithWorker("v2", "available", "creating", DEAD_SERVICE, seconds(1));
    Cleaner cleaner = world.cleaner("c-vol-1", 11, context -> StandardCleanupActions.volumeService(
        world.db("c-vol-1"), new NoDriver()));
    cleanAtTenSeconds(world, cleaner, CleanupRequest.forService(DEAD_SERVICE));

    assertThat(world.worker(deleting)).as("kept for the re-run delete to remove").isNotNull();
    assertThat(world.worker(mismatched)).as("leaked by O1").isNotNull();
    assertThat(world.worker(mismatched).get("service_id")).isEqualTo(11L);
    assertThat(world.probeCount("cleanup.keep-entry-leak")).isEqualTo(1);
  }

  @Test
  void mismatchedRowBeforeTheDeletingRow_isDeleted() {
    WorkersWorld world = world(CleanupClaim.RACE_PREVENTER);
    long mismatched = world.volumeWithWorker("v1", "available", "creating", DEAD_SERVICE, seconds(1));
    world.volumeWithWorker("v2", "deleting", "deleting", DEAD_SERVICE, seconds(1));
    Cleaner cleaner = world.cleaner("c-vol-1", 11, context -> StandardCleanupActions.volumeService(
        world.db("c-vol-1"), new NoDriver()));
    cleanAtTenSeconds(world, cleaner, CleanupRequest.forService(DEAD_SERVICE));

    assertThat(world.worker(mismatched)).isNull();
    assertThat(world.probeCount("cleanup.status-mismatch-skipped")).isEqualTo(1);
    assertThat(world.probeCount("cleanup.keep-entry-leak")).isZero();
  }

  @Test
  void failingAction_handsTheRowBackToItsService() {
    WorkersWorld world = world(CleanupClaim.RACE_PREVENTER);
    long row = world.volumeWithWorker("v1", "creating", "creating", DEAD_SERVICE, seconds(1));
    Cleaner cleaner = world.cleaner("c-vol-1", 11, context -> (type, resource, claimed) ->
        SimFuture.failed(Failure.error("driver exploded")));
    CleanupReport report = cleanAtTenSeconds(world, cleaner, CleanupRequest.forService(DEAD_SERVICE));

    assertThat(report.givenBack()).containsExactly(row);
    assertThat(world.worker(row).get("service_id")).isEqualTo(DEAD_SERVICE);
    assertThat(world.worker(row).get("updated_at")).isEqualTo(seconds(1));
    assertThat(world.worker(row).get("race_preventer")).isEqualTo(2L);
  }

  @Test
  void failingActionWhoseRowVanished_endsTheWholeRun() {
    WorkersWorld world = world(CleanupClaim.RACE_PREVENTER);
    long first = world.volumeWithWorker("v1", "creating", "creating", DEAD_SERVICE, seconds(1));
    long second = world.volumeWithWorker("v2", "creating", "creating", DEAD_SERVICE, seconds(1));
    Cleaner cleaner = world.cleaner("c-vol-1", 11, context -> (type, resource, claimed) -> {
      // The action's own work deletes the row (as a re-run delete would), then fails.
      world.database.execute(new DbStatement.Delete(Database.WORKERS, Condition.eq("id", claimed.id())));
      return SimFuture.failed(Failure.error("driver exploded"));
    });
    WorkersWorld.Result<CleanupReport> report = world.startAt(seconds(10), "clean",
        () -> cleaner.doCleanup(CleanupRequest.forService(DEAD_SERVICE)));
    world.runUntil(seconds(20));

    assertThat(report.outcome()).isInstanceOf(Outcome.Failed.class);
    assertThat(world.worker(first)).isNull();
    assertThat(world.worker(second).get("service_id")).as("never reached").isEqualTo(DEAD_SERVICE);
  }

  /** O3: a row the API created but nobody claimed names no service, so no cleanup selects it. */
  @Test
  void unclaimedRow_isInvisibleToEveryServicesCleanup() {
    WorkersWorld world = world(CleanupClaim.RACE_PREVENTER);
    long orphan = world.volumeWithWorker("v1", "creating", "creating", null, seconds(1));
    Cleaner cleaner = world.cleaner("c-vol-1", 11, WorkersWorld.slowAction(millis(10)));
    CleanupReport report = cleanAtTenSeconds(world, cleaner, CleanupRequest.forService(DEAD_SERVICE));

    assertThat(report.claimed()).isEmpty();
    assertThat(world.worker(orphan)).isNotNull();
    assertThat(world.count(Kind.CLAIM_ATTEMPT)).isZero();
  }

  @Test
  void resourceGone_rowIsDeletedWithoutAction() {
    WorkersWorld world = world(CleanupClaim.RACE_PREVENTER);
    long row = world.volumeWithWorker("v1", "creating", "creating", DEAD_SERVICE, seconds(1));
    world.database.execute(new DbStatement.Delete(Database.VOLUMES, Condition.eq("id", "v1")));
    Cleaner cleaner = world.cleaner("c-vol-1", 11, WorkersWorld.slowAction(millis(10)));
    cleanAtTenSeconds(world, cleaner, CleanupRequest.forService(DEAD_SERVICE));

    assertThat(world.worker(row)).isNull();
    assertThat(world.count(Kind.ACTION_RUN)).isZero();
  }

  /** A driver whose delete re-run leaves the row alone, so only the cleaner's keep decides. */
  private static final class NoDriver implements StandardCleanupActions.VolumeHooks {
    @Override
    public SimFuture<Void> clearDownload(Row volume) {
      return SimFuture.succeeded(null);
    }

    @Override
    public SimFuture<Void> deleteVolume(Row volume, WorkerEntry claimed) {
      return SimFuture.succeeded(null);
    }
  }
}

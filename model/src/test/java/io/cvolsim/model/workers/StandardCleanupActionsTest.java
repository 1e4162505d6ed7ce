package io.cvolsim.model.workers;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The §2.5 actions run through a real cleanup of a dead service's rows. */
class StandardCleanupActionsTest {
  private static final long DEAD = 10;
  private final WorkersWorld world = new WorkersWorld(5, WorkersOptions.cinderToday()).client("c-vol-1");
  private final List<String> driverCalls = new ArrayList<>();

  private final StandardCleanupActions.VolumeHooks hooks = new StandardCleanupActions.VolumeHooks() {
    @Override
    public SimFuture<Void> clearDownload(Row volume) {
      driverCalls.add("clear_download " + volume.get("id"));
      return SimFuture.succeeded(null);
    }

    @Override
    public SimFuture<Void> deleteVolume(Row volume, WorkerEntry claimed) {
      driverCalls.add("delete " + volume.get("id") + (claimed.cleaning() ? " (cleaning)" : ""));
      return SimFuture.succeeded(null);
    }
  };

  private CleanupReport clean(CleanupAction action) {
    Cleaner cleaner = world.cleaner("c-vol-1", 11, context -> action);
    WorkersWorld.Result<CleanupReport> report = world.startAt(seconds(10), "clean",
        () -> cleaner.doCleanup(CleanupRequest.forService(DEAD)));
    world.runUntil(seconds(20));
    return report.value();
  }

  @Test
  void volumeService_actionsPerStatus() {
    world.volumeWithWorker("v-down", "downloading", "downloading", DEAD, seconds(1));
    world.volumeWithWorker("v-up", "uploading", "uploading", DEAD, seconds(1));
    world.volumeWithWorker("v-attached", "uploading", "uploading", DEAD, seconds(1));
    world.insert(Database.ATTACHMENTS, "id", "a1", "volume_id", "v-attached", "deleted", false);
    world.insert(Database.ATTACHMENTS, "id", "a2", "volume_id", "v-up", "deleted", true);
    world.volumeWithWorker("v-new", "creating", "creating", DEAD, seconds(1));
    clean(StandardCleanupActions.volumeService(world.db("c-vol-1"), hooks));

    assertThat(world.volume("v-down").get("status")).isEqualTo("error");
    assertThat(world.volume("v-up").get("status")).isEqualTo("available");
    assertThat(world.volume("v-attached").get("status")).isEqualTo("in-use");
    assertThat(world.volume("v-new").get("status")).isEqualTo("error");
    assertThat(driverCalls).containsExactly("clear_download v-down");
    assertThat(world.database.rows(Database.WORKERS)).isEmpty();
  }

  @Test
  void volumeService_deletingReRunsTheDeleteWithTheCleaningEntry_andKeepsTheRow() {
    long row = world.volumeWithWorker("v1", "deleting", "deleting", DEAD, seconds(1));
    CleanupReport report = clean(StandardCleanupActions.volumeService(world.db("c-vol-1"), hooks));

    assertThat(driverCalls).containsExactly("delete v1 (cleaning)");
    assertThat(report.kept()).containsExactly(row);
    assertThat(world.worker(row).get("service_id")).isEqualTo(11L);
  }

  @Test
  void scheduler_turnsACreatingVolumeToError_only() {
    world.volumeWithWorker("v1", "creating", "creating", DEAD, seconds(1));
    world.volumeWithWorker("v2", "deleting", "deleting", DEAD, seconds(1));
    clean(StandardCleanupActions.scheduler(world.db("c-vol-1")));

    assertThat(world.volume("v1").get("status")).isEqualTo("error");
    assertThat(world.volume("v2").get("status")).isEqualTo("deleting");
  }
}

package io.cvolsim.model.dlm;

import static io.cvolsim.model.dlm.DlmWorld.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import org.junit.jupiter.api.Test;

/** The spec's workers-table locks: exclusion through the unique key, no expiry, cleanup frees. */
class WorkersTableLockTest {
  private static final String LOCK = "vol-1-delete_volume";

  private static DlmWorld world(long seed) {
    return DlmWorld.withClients(seed, CoordinationBackend.WORKERS_TABLE, "c-vol-1", "c-vol-2", "c-vol-3");
  }

  @Test
  void acquire_excludesAcrossNodesAndRecordsTheHolderInTheRow() {
    DlmWorld world = world(30);
    DlmWorld.Result<LockGrant> first = world.acquireAt(seconds(1), "c-vol-1", LOCK);
    DlmWorld.Result<LockGrant> second = world.acquireAt(seconds(2), "c-vol-2", LOCK);
    world.runUntil(seconds(9));
    assertThat(first.succeeded()).isTrue();
    assertThat(second.isDone()).isFalse();
    Row row = world.database.rows(Database.WORKERS).get(0);
    assertThat(row.get("resource_type")).isEqualTo(WorkersTableLocks.RESOURCE_TYPE);
    assertThat(row.get(WorkersTableLocks.LOCK_NAME)).isEqualTo(LOCK);
    assertThat(row.get(WorkersTableLocks.HOLDER)).isEqualTo("c-vol-1");

    world.releaseAt(seconds(10), "c-vol-1", first);
    world.runUntil(seconds(12));
    assertThat(second.succeeded()).isTrue();
    assertThat(world.database.rows(Database.WORKERS)).singleElement()
        .satisfies(held -> assertThat(held.get(WorkersTableLocks.HOLDER)).isEqualTo("c-vol-2"));
  }

  @Test
  void crashedHolder_blocksOthersUntilCleanupRemovesItsRows() {
    DlmWorld world = world(31);
    world.acquireAt(seconds(1), "c-vol-1", LOCK);
    world.acquireAt(seconds(1), "c-vol-1", "vol-2-detach_volume");
    world.at(seconds(2), "crash c-vol-1", () -> world.simulation.crash(NodeId.of("c-vol-1")));
    DlmWorld.Result<LockGrant> waiter = world.acquireAt(seconds(3), "c-vol-2", LOCK);
    world.runUntil(seconds(300));
    assertThat(waiter.isDone()).as("nothing expires a dead holder's row").isFalse();

    DlmWorld.Result<Integer> cleaned = world.cleanLocksAt(seconds(301), "c-vol-3", "c-vol-1");
    world.runUntil(seconds(305));
    assertThat(cleaned.value()).isEqualTo(2);
    assertThat(world.events(LOCK, LockEvent.Kind.CLEANED)).singleElement()
        .satisfies(event -> assertThat(event.holder()).isEqualTo(NodeId.of("c-vol-1")));
    assertThat(waiter.succeeded()).isTrue();
  }

  @Test
  void cleanup_leavesOtherHoldersRowsAlone() {
    DlmWorld world = world(32);
    world.acquireAt(seconds(1), "c-vol-2", LOCK);
    DlmWorld.Result<Integer> cleaned = world.cleanLocksAt(seconds(2), "c-vol-3", "c-vol-1");
    world.runUntil(seconds(3));
    assertThat(cleaned.value()).isZero();
    assertThat(world.database.rows(Database.WORKERS)).hasSize(1);
  }
}

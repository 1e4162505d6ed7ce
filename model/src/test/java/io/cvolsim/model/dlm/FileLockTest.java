package io.cvolsim.model.dlm;

import static io.cvolsim.model.dlm.DlmWorld.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import org.junit.jupiter.api.Test;

/** Tooz's default file:// locks: node-local, so no exclusion between Active/Active members. */
class FileLockTest {

  @Test
  void acquire_twoNodesHoldTheSameLockAtOnce() {
    DlmWorld world = DlmWorld.withClients(1, CoordinationBackend.FILE, "c-vol-1", "c-vol-2");
    DlmWorld.Result<LockGrant> first = world.acquireAt(seconds(1), "c-vol-1", "vol-1-delete_volume");
    DlmWorld.Result<LockGrant> second = world.acquireAt(seconds(2), "c-vol-2", "vol-1-delete_volume");
    world.runUntil(seconds(3));

    assertThat(first.succeeded()).isTrue();
    assertThat(second.succeeded()).as("the other node's file lock is invisible").isTrue();
    assertThat(world.events("vol-1-delete_volume", LockEvent.Kind.GRANTED)).hasSize(2);
  }

  @Test
  void acquire_sameNodeWaitsForTheHolder() {
    DlmWorld world = DlmWorld.withClients(2, CoordinationBackend.FILE, "c-vol-1");
    DlmWorld.Result<LockGrant> first = world.acquireAt(seconds(1), "c-vol-1", "vol-1");
    DlmWorld.Result<LockGrant> second = world.acquireAt(seconds(2), "c-vol-1", "vol-1");
    world.runUntil(seconds(5));
    assertThat(first.succeeded()).isTrue();
    assertThat(second.isDone()).as("a second user on the same node waits").isFalse();

    world.releaseAt(seconds(6), "c-vol-1", first);
    world.runUntil(seconds(7));
    assertThat(second.succeeded()).isTrue();
    assertThat(world.log.eventsFor("vol-1").get(world.log.eventsFor("vol-1").size() - 1).trueTimeNanos())
        .isBetween(seconds(6), seconds(6) + DlmWorld.options(CoordinationBackend.FILE).retryIntervalNanos());
  }

  @Test
  void processDeath_freesTheFileLockAndTheLogSaysSo() {
    DlmWorld world = DlmWorld.withClients(3, CoordinationBackend.FILE, "c-vol-1");
    world.acquireAt(seconds(1), "c-vol-1", "vol-1");
    world.at(seconds(2), "crash", () -> {
      world.simulation.crash(NodeId.of("c-vol-1"));
      world.log.recordProcessDeath(NodeId.of("c-vol-1"));
    });
    world.at(seconds(3), "restart", () -> world.simulation.restart(NodeId.of("c-vol-1")));
    DlmWorld.Result<LockGrant> afterRestart = world.acquireAt(seconds(4), "c-vol-1", "vol-1");
    world.runUntil(seconds(5));

    assertThat(afterRestart.succeeded()).isTrue();
    assertThat(world.events("vol-1", LockEvent.Kind.FREED_AT_PROCESS_DEATH)).hasSize(1);
    assertThat(world.log.unreleasedGrantsOf(NodeId.of("c-vol-1"))).hasSize(1);
  }
}

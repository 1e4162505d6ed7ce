package io.cvolsim.model.dlm;

import static io.cvolsim.model.dlm.DlmWorld.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import org.junit.jupiter.api.Test;

/** Tooz over kazoo: locks are ephemeral nodes that live as long as the holder's session. */
class ZooKeeperLockTest {
  private static final String LOCK = "vol-1-detach_volume";
  private static final NodeId FIRST = NodeId.of("c-vol-1");

  private static DlmWorld world(long seed) {
    return DlmWorld.withClients(seed, CoordinationBackend.ZOOKEEPER, "c-vol-1", "c-vol-2");
  }

  @Test
  void acquire_excludesAcrossNodesWhileThePingsKeepTheSessionAlive() {
    DlmWorld world = world(20);
    DlmWorld.Result<LockGrant> first = world.acquireAt(seconds(1), "c-vol-1", LOCK);
    DlmWorld.Result<LockGrant> second = world.acquireAt(seconds(2), "c-vol-2", LOCK);
    world.releaseAt(seconds(60), "c-vol-1", first);
    world.runUntil(seconds(59));
    assertThat(first.succeeded()).isTrue();
    assertThat(second.isDone()).isFalse();

    world.runUntil(seconds(61));
    assertThat(second.succeeded()).isTrue();
    assertThat(world.zooKeeper.holderOf(LOCK)).isEqualTo(NodeId.of("c-vol-2"));
    assertThat(world.events(LOCK, LockEvent.Kind.RELEASED)).hasSize(1);
  }

  @Test
  void partitionedHolder_sessionExpiresAndTheHolderLearnsOnlyWhenItTalksAgain() {
    DlmWorld world = world(21);
    DlmWorld.Result<LockGrant> first = world.acquireAt(seconds(1), "c-vol-1", LOCK);
    world.at(seconds(2), "partition", () -> world.simulation.network().blockBoth(FIRST, DlmWorld.SERVER));
    DlmWorld.Result<LockGrant> second = world.acquireAt(seconds(3), "c-vol-2", LOCK);
    world.runUntil(seconds(20));

    assertThat(world.events(LOCK, LockEvent.Kind.EXPIRED)).singleElement().satisfies(event -> {
      assertThat(event.holder()).isEqualTo(FIRST);
      assertThat(event.trueTimeNanos()).isBetween(seconds(10), seconds(13));
    });
    assertThat(second.succeeded()).as("the next in line takes over").isTrue();
    assertThat(world.probeCount("dlm.zookeeper-session-lost-under-holder"))
        .as("cut off, the holder has not heard yet").isZero();

    world.at(seconds(21), "heal", () -> world.simulation.network().healAll());
    DlmWorld.Result<Void> release = world.startAt(seconds(30), "late release",
        () -> world.coordinator("c-vol-1").release(first.value()));
    world.runUntil(seconds(40));
    assertThat(world.probeCount("dlm.zookeeper-session-lost-under-holder")).isEqualTo(1);
    assertThat(release.succeeded()).isTrue();
    assertThat(world.events(LOCK, LockEvent.Kind.RELEASE_FAILED)).hasSize(1);
    assertThat(world.zooKeeper.holderOf(LOCK)).isEqualTo(NodeId.of("c-vol-2"));
  }

  @Test
  void crashedHolder_lockFreesWithinTheSessionTimeout() {
    DlmWorld world = world(23);
    world.acquireAt(seconds(1), "c-vol-1", LOCK);
    world.at(seconds(5), "crash c-vol-1", () -> world.simulation.crash(FIRST));
    DlmWorld.Result<LockGrant> second = world.acquireAt(seconds(6), "c-vol-2", LOCK);
    world.runUntil(seconds(30));
    assertThat(second.succeeded()).isTrue();
    long granted = world.events(LOCK, LockEvent.Kind.GRANTED).get(1).trueTimeNanos();
    // The last ping came at most a third of the timeout before the crash.
    assertThat(granted).isBetween(seconds(5) + seconds(10) - seconds(4), seconds(5) + seconds(10) + seconds(1));
  }

  @Test
  void timedOutWaiter_leavesTheLine() {
    DlmWorld world = world(22);
    DlmWorld.Result<LockGrant> first = world.acquireAt(seconds(1), "c-vol-1", LOCK);
    DlmWorld.Result<LockGrant> timed = world.startAt(seconds(2), "timed",
        () -> world.coordinator("c-vol-2").acquire(LOCK, LockWait.atMost(seconds(3))));
    world.releaseAt(seconds(10), "c-vol-1", first);
    world.runUntil(seconds(12));
    assertThat(timed.isDone()).isTrue();
    assertThat(timed.succeeded()).isFalse();
    assertThat(world.zooKeeper.holderOf(LOCK)).as("the waiter's node went with its timeout").isNull();
  }
}

package io.cvolsim.model.dlm;

import static io.cvolsim.model.dlm.DlmWorld.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tooz's etcd3gw locks: exclusion across nodes, as long as the holder's lease is refreshed. */
class EtcdLockTest {
  private static final String LOCK = "vol-1-delete_volume";
  private static final String KEY = EtcdLockBackend.LOCK_PREFIX + LOCK;

  private static DlmWorld world(long seed) {
    return DlmWorld.withClients(seed, CoordinationBackend.ETCD, "c-vol-1", "c-vol-2");
  }

  @Test
  void acquire_excludesAcrossNodesUntilRelease() {
    DlmWorld world = world(10);
    DlmWorld.Result<LockGrant> first = world.acquireAt(seconds(1), "c-vol-1", LOCK);
    DlmWorld.Result<LockGrant> second = world.acquireAt(seconds(2), "c-vol-2", LOCK);
    world.releaseAt(seconds(100), "c-vol-1", first);
    world.runUntil(seconds(99));
    assertThat(first.succeeded()).isTrue();
    assertThat(second.isDone()).as("the heartbeat keeps the holder's lease alive for 98 s").isFalse();
    assertThat(world.events(LOCK, LockEvent.Kind.EXPIRED)).isEmpty();

    world.runUntil(seconds(102));
    assertThat(second.succeeded()).isTrue();
    assertThat(world.etcd.ownerOf(KEY)).isEqualTo(NodeId.of("c-vol-2"));
    assertThat(world.events(LOCK, LockEvent.Kind.GRANTED).get(1).trueTimeNanos()).isGreaterThan(seconds(100));
    assertThat(world.coordinator("c-vol-1").heldLocks()).isEmpty();
    assertThat(world.coordinator("c-vol-2").heldLocks()).containsExactly(second.value());
  }

  /** Two nodes after the same lock, the first holder stalled for 58 s from t=2 s. */
  private record Contest(DlmWorld world, DlmWorld.Result<LockGrant> first, DlmWorld.Result<LockGrant> second) {}

  private static Contest holderPausedPastItsLease(long seed) {
    DlmWorld world = world(seed);
    DlmWorld.Result<LockGrant> first = world.acquireAt(seconds(1), "c-vol-1", LOCK);
    world.pauseBetween("c-vol-1", seconds(2), seconds(60));
    return new Contest(world, first, world.acquireAt(seconds(3), "c-vol-2", LOCK));
  }

  @Test
  void pausedHolder_leaseExpiresAndASecondHolderGetsInWhileTheFirstStillBelieves() {
    Contest contest = holderPausedPastItsLease(11);
    DlmWorld world = contest.world();
    world.runUntil(seconds(80));

    List<LockEvent> expired = world.events(LOCK, LockEvent.Kind.EXPIRED);
    assertThat(expired).hasSize(1);
    assertThat(expired.get(0).holder()).isEqualTo(NodeId.of("c-vol-1"));
    assertThat(expired.get(0).trueTimeNanos()).isBetween(seconds(30), seconds(32));
    assertThat(contest.second().succeeded()).isTrue();
    assertThat(world.events(LOCK, LockEvent.Kind.GRANTED).get(1).trueTimeNanos())
        .isBetween(expired.get(0).trueTimeNanos(), seconds(33));
    // The first holder never released and was never told: from the second grant on, both
    // believe they hold the lock, which is the overlap S10 looks for.
    assertThat(world.events(LOCK, LockEvent.Kind.RELEASE_REQUESTED)).isEmpty();
    assertThat(world.probeCount("dlm.etcd-lock-lease-expired")).isEqualTo(1);
    assertThat(world.probeCount("dlm.etcd-refresh-of-expired-lease-ignored"))
        .as("after resuming, the heartbeat refreshes a dead lease and ignores the answer").isPositive();
    assertThat(contest.first().succeeded()).isTrue();
    assertThat(world.coordinator("c-vol-1").heldLocks()).as("the stalled holder still believes")
        .containsExactly(contest.first().value());
    assertThat(world.probeCount("dlm.lease-expired-under-holder")).isPositive();
  }

  @Test
  void lateRelease_byTheOldHolderDoesNotDeleteTheNewHoldersKey() {
    Contest contest = holderPausedPastItsLease(12);
    DlmWorld world = contest.world();
    DlmWorld.Result<Void> lateRelease = world.startAt(seconds(61), "late release",
        () -> world.coordinator("c-vol-1").release(contest.first().value()));
    world.runUntil(seconds(70));

    assertThat(contest.second().succeeded()).isTrue();
    assertThat(lateRelease.succeeded()).as("a failed release is logged, not raised").isTrue();
    assertThat(world.events(LOCK, LockEvent.Kind.RELEASE_FAILED)).singleElement()
        .satisfies(event -> assertThat(event.holder()).isEqualTo(NodeId.of("c-vol-1")));
    assertThat(world.etcd.ownerOf(KEY)).isEqualTo(NodeId.of("c-vol-2"));
    assertThat(world.probeCount("dlm.etcd-late-release-refused")).isEqualTo(1);
  }

  @Test
  void lostRelease_leavesTheKeyAliveOnTheHeartbeatUntilTheProcessDies() {
    DlmWorld world = world(16);
    NodeId holder = NodeId.of("c-vol-1");
    DlmWorld.Result<LockGrant> second = loseTheReleaseThenAskAgain(world);
    world.runUntil(seconds(200));

    assertThat(world.events(LOCK, LockEvent.Kind.RELEASE_FAILED)).singleElement()
        .satisfies(event -> assertThat(event.detail()).isEqualTo("UNREACHABLE"));
    assertThat(world.coordinator("c-vol-1").heldLocks()).as("Cinder thinks it let go").isEmpty();
    assertThat(world.etcd.ownerOf(KEY)).as("but the heart keeps the lease alive").isEqualTo(holder);
    assertThat(second.isDone()).isFalse();
    assertThat(world.probeCount("dlm.etcd-release-unreachable-lease-kept-alive")).isEqualTo(1);

    world.at(seconds(201), "crash c-vol-1", () -> world.simulation.crash(holder));
    world.runUntil(seconds(240));
    assertThat(second.succeeded()).as("the lease lapses once the process is gone").isTrue();
  }

  @Test
  void lostRelease_withLetExpire_freesTheLockOneLeaseLater() {
    DlmWorld world = new DlmWorld(16, DlmWorld.options(CoordinationBackend.ETCD)
        .withReleaseFailure(ReleaseFailure.LET_EXPIRE));
    world.client("c-vol-1");
    world.client("c-vol-2");
    DlmWorld.Result<LockGrant> second = loseTheReleaseThenAskAgain(world);
    world.runUntil(seconds(80));

    assertThat(world.probeCount("dlm.etcd-release-unreachable-lease-left-to-expire")).isEqualTo(1);
    assertThat(second.succeeded()).as("the unrefreshed lease lapses while c-vol-1 lives").isTrue();
    long granted = world.events(LOCK, LockEvent.Kind.GRANTED).get(1).trueTimeNanos();
    // The release gives up after etcd3gw's 30 s timeout, the heart may refresh the lease until then,
    // and it lapses one 30 s lease after the last refresh; plus one retry and latency.
    assertThat(granted).isBetween(seconds(36), seconds(6) + seconds(30) + seconds(30) + seconds(2));
  }

  /** c-vol-1 takes the lock at 1 s and releases it at 6 s while cut off from etcd; c-vol-2 asks at 10 s. */
  private static DlmWorld.Result<LockGrant> loseTheReleaseThenAskAgain(DlmWorld world) {
    NodeId holder = NodeId.of("c-vol-1");
    DlmWorld.Result<LockGrant> first = world.acquireAt(seconds(1), "c-vol-1", LOCK);
    world.at(seconds(6), "cut", () -> world.simulation.network().blockBoth(holder, DlmWorld.SERVER));
    world.releaseAt(seconds(6), "c-vol-1", first);
    world.at(seconds(6) + 10_000_000L, "heal", () -> world.simulation.network().healAll());
    return world.acquireAt(seconds(10), "c-vol-2", LOCK);
  }

  @Test
  void crashedHolder_lockFreesWithinTheLease() {
    DlmWorld world = world(13);
    world.acquireAt(seconds(1), "c-vol-1", LOCK);
    world.at(seconds(5), "crash c-vol-1", () -> world.simulation.crash(NodeId.of("c-vol-1")));
    DlmWorld.Result<LockGrant> second = world.acquireAt(seconds(6), "c-vol-2", LOCK);
    world.runUntil(seconds(60));

    assertThat(second.succeeded()).isTrue();
    long granted = world.events(LOCK, LockEvent.Kind.GRANTED).get(1).trueTimeNanos();
    // Refreshed at most 30 s before the crash's last beat, plus one retry and some latency.
    assertThat(granted).isLessThanOrEqualTo(seconds(5) + seconds(30) + seconds(2));
  }

  @Test
  void shortLease_expiresSoonerThanTheDefault() {
    DlmOptions options = DlmWorld.options(CoordinationBackend.ETCD).withLeaseNanos(seconds(6));
    DlmWorld world = new DlmWorld(14, options).client("c-vol-1").client("c-vol-2");
    world.acquireAt(seconds(1), "c-vol-1", LOCK);
    world.pauseBetween("c-vol-1", seconds(2), seconds(30));
    world.runUntil(seconds(20));
    assertThat(world.events(LOCK, LockEvent.Kind.EXPIRED)).singleElement()
        .satisfies(event -> assertThat(event.trueTimeNanos()).isLessThan(seconds(8)));
  }

  @Test
  void timedAcquire_failsWhenTheLockStaysTaken() {
    DlmWorld world = world(15);
    world.acquireAt(seconds(1), "c-vol-1", LOCK);
    DlmWorld.Result<LockGrant> timed = world.startAt(seconds(2), "timed",
        () -> world.coordinator("c-vol-2").acquire(LOCK, LockWait.atMost(seconds(5))));
    DlmWorld.Result<LockGrant> noWait = world.startAt(seconds(2), "no wait",
        () -> world.coordinator("c-vol-2").acquire(LOCK, LockWait.noWait()));
    world.runUntil(seconds(3));
    assertThat(noWait.isDone()).isTrue();
    assertThat(noWait.succeeded()).isFalse();
    assertThat(timed.isDone()).isFalse();
    world.runUntil(seconds(9));
    assertThat(timed.isDone()).isTrue();
    assertThat(timed.succeeded()).isFalse();
    assertThat(world.events(LOCK, LockEvent.Kind.ACQUIRE_FAILED)).hasSize(2);
  }
}

package io.cvolsim.model.dlm;

import static io.cvolsim.model.dlm.DlmWorld.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.model.storage.DriverOptions;
import io.cvolsim.model.storage.VolumeDriver;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A lease-aware holder ({@link LockHolder#LEASE_AWARE}) gives a lock up once its own clock says
 * the lease could have run out, allowing 20% clock error: 30 s leases end for it 24 s after the
 * last request the server confirmed. Tooz's holder is in {@link EtcdLockTest}.
 */
class LeaseAwareHolderTest {
  private static final String LOCK = "vol-1-delete_volume";
  private static final NodeId HOLDER = NodeId.of("c-vol-1");
  private static final long CLOCK_ERROR_PPM = 200_000;

  private static DlmWorld world(long seed, CoordinationBackend backend) {
    DlmWorld world = new DlmWorld(seed, DlmWorld.options(backend).withHolder(LockHolder.LEASE_AWARE, CLOCK_ERROR_PPM));
    return world.client("c-vol-1").client("c-vol-2");
  }

  /**
   * Intent: c-vol-1 holds the lock and stalls from 2 s to 60 s. It gives the lock up at its lease's
   * end by its own reckoning, 24-25 s, before etcd frees it at 30-32 s; nobody tells it, and it never
   * ran in between, yet the log dates the give-up there. On waking it holds nothing, refuses storage
   * until it releases, then may touch storage again.
   */
  @Test
  void pausedHolder_givesTheLockUpBeforeEtcdFreesIt_andTouchesNoStorageUntilItReleases() {
    DlmWorld world = world(11, CoordinationBackend.ETCD);
    DlmWorld.Result<LockGrant> first = world.acquireAt(seconds(1), "c-vol-1", LOCK);
    world.pauseBetween("c-vol-1", seconds(2), seconds(60));
    DlmWorld.Result<LockGrant> second = world.acquireAt(seconds(3), "c-vol-2", LOCK);
    world.runUntil(seconds(61));

    LockEvent expired = world.events(LOCK, LockEvent.Kind.EXPIRED).get(0);
    assertThat(second.succeeded()).isTrue();
    assertThat(world.events(LOCK, LockEvent.Kind.GAVE_UP)).singleElement().satisfies(gaveUp -> {
      assertThat(gaveUp.holder()).isEqualTo(HOLDER);
      assertThat(gaveUp.trueTimeNanos()).isBetween(seconds(24), seconds(26)).isLessThan(expired.trueTimeNanos());
    });
    LockCoordinator holder = world.coordinator("c-vol-1");
    assertThat(holder.heldLocks()).isEmpty();
    assertThat(holder.keepsEveryLock()).as("a lock given up and not yet released").isFalse();
    VolumeDriver driver = new VolumeDriver(world.context("c-vol-1"), NodeId.of("storage"), DriverOptions.defaults())
        .withLockGuard(holder::keepsEveryLock);
    DlmWorld.Result<Void> call = world.startAt(seconds(61) + 1, "create", () -> driver.createVolume("vol-2", 1));
    world.runUntil(seconds(62));
    assertThat(call.outcome()).isInstanceOfSatisfying(Outcome.Failed.class, failed ->
        assertThat(((Failure.Error) failed.failure()).reason()).startsWith("lock lost"));

    world.releaseAt(seconds(63), "c-vol-1", first);
    world.runUntil(seconds(64));
    assertThat(holder.keepsEveryLock()).isTrue();
  }

  /**
   * Intent: a holder that runs but is cut off from etcd at 6 s gives the lock up on its own timer
   * when its reckoning of the lease runs out, and logs it then.
   */
  @Test
  void runningHolderCutFromEtcd_givesTheLockUpOnItsOwnTimer() {
    DlmWorld world = world(12, CoordinationBackend.ETCD);
    world.acquireAt(seconds(1), "c-vol-1", LOCK);
    world.at(seconds(6), "cut", () -> world.simulation.network().blockBoth(HOLDER, DlmWorld.SERVER));
    world.runUntil(seconds(40));

    List<LockEvent> gaveUp = world.events(LOCK, LockEvent.Kind.GAVE_UP);
    assertThat(gaveUp).singleElement().satisfies(event ->
        assertThat(event.trueTimeNanos()).isBetween(seconds(24), seconds(6) + seconds(24)));
    assertThat(world.probeCount("dlm.lock-given-up-at-lease-end")).isEqualTo(1);
    long expiredNanos = world.events(LOCK, LockEvent.Kind.EXPIRED).get(0).trueTimeNanos();
    assertThat(gaveUp.get(0).trueTimeNanos()).isLessThan(expiredNanos);
  }

  /** Intent: the same on ZooKeeper, whose session is the lease: the holder gives up before the session expires. */
  @Test
  void zooKeeperHolderCutOff_givesTheLockUpBeforeItsSessionExpires() {
    DlmWorld world = world(13, CoordinationBackend.ZOOKEEPER);
    world.acquireAt(seconds(1), "c-vol-1", LOCK);
    world.at(seconds(2), "cut", () -> world.simulation.network().blockBoth(HOLDER, DlmWorld.SERVER));
    DlmWorld.Result<LockGrant> second = world.acquireAt(seconds(3), "c-vol-2", LOCK);
    world.runUntil(seconds(30));

    assertThat(second.succeeded()).isTrue();
    LockEvent gaveUp = world.events(LOCK, LockEvent.Kind.GAVE_UP).get(0);
    assertThat(gaveUp.holder()).isEqualTo(HOLDER);
    assertThat(gaveUp.trueTimeNanos()).isLessThan(world.events(LOCK, LockEvent.Kind.GRANTED).get(1).trueTimeNanos());
  }

  /** Intent: a leader cut off from etcd stops leading at its lease's end and stands again. */
  @Test
  void leaderCutOff_stopsLeading_andStandsAgain() {
    DlmWorld world = world(14, CoordinationBackend.ETCD);
    world.at(seconds(1), "stand", () -> world.coordinator("c-vol-1").runForElection("cleanup", () -> { }));
    world.at(seconds(5), "cut", () -> world.simulation.network().blockBoth(HOLDER, DlmWorld.SERVER));
    world.runUntil(seconds(4));
    assertThat(world.coordinator("c-vol-1").isLeader("cleanup")).isTrue();

    world.runUntil(seconds(40));
    assertThat(world.coordinator("c-vol-1").isLeader("cleanup")).isFalse();
    assertThat(world.events(LockCoordinator.leaderLockName("cleanup"), LockEvent.Kind.ACQUIRE_REQUESTED)).hasSize(2);
  }
}

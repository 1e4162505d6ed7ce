package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.model.api.ApiResponse;
import io.cvolsim.model.dlm.CoordinationBackend;
import io.cvolsim.model.dlm.LockEvent;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import io.cvolsim.scenarios.runbook.CloneUnderFrozenHolder.Freeze;
import io.cvolsim.scenarios.properties.LockSafetyProperty;
import io.cvolsim.scenarios.properties.SourceProtectionProperty;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runbook 5, reference §7.4 and S10: an etcd lock is a lease. A holder that stalls longer than
 * the lease loses the lock without being told, and a second node acquires it while the first
 * still believes it holds it. A lease longer than the stall keeps the lock.
 */
class LeaseExpiryUnderPausedHolderTest {
  private static final String SOURCE = CloneUnderFrozenHolder.SOURCE;
  private static final String CLONE = CloneUnderFrozenHolder.CLONE;
  private static final String SOURCE_LOCK = CloneUnderFrozenHolder.SOURCE_LOCK;

  /**
   * Intent: on a two-node cluster with etcd's default 30 s lease, node 1 clones B from A (a 50 s
   * copy) holding {@code A-delete_volume}; two seconds in, node 1 freezes for 45 s; a second
   * later A is deleted and the delete lands on node 2. etcd expires node 1's lease during the
   * freeze and grants the lock to node 2 while node 1 is still frozen: S10 is violated naming
   * both holders, and the array deletes A under the copy (S2 violated too).
   */
  @Test
  void leaseShorterThanPause_secondNodeAcquiresWhileFirstIsFrozen_lockSafetyViolated() {
    Freeze freeze = cloneThenFreezeHolderThenDelete(knobs());

    List<LockEvent> expiries = events(freeze.deployment(), LockEvent.Kind.EXPIRED);
    assertThat(expiries).hasSize(1);
    assertThat(expiries.get(0).holder()).isEqualTo(freeze.holder());
    assertThat(expiries.get(0).trueTimeNanos()).isBetween(freeze.pausedAtNanos(), freeze.resumedAtNanos());
    LockEvent secondGrant = events(freeze.deployment(), LockEvent.Kind.GRANTED).get(1);
    assertThat(secondGrant.holder()).isEqualTo(freeze.deleteNode());
    assertThat(secondGrant.trueTimeNanos()).as("granted while the first holder was frozen")
        .isBetween(freeze.pausedAtNanos(), freeze.resumedAtNanos());
    PropertyResult lockSafety = LockSafetyProperty.check(freeze.deployment().artifacts());
    assertThat(lockSafety.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(lockSafety.witness()).anySatisfy(line -> assertThat(line).contains(SOURCE_LOCK)
        .contains(freeze.holder().name()).contains(freeze.deleteNode().name()));
    assertThat(SourceProtectionProperty.check(freeze.deployment().artifacts()).status())
        .isEqualTo(PropertyStatus.VIOLATED);
  }

  /**
   * Intent: the contrast, a 90 s lease (longer than the 45 s freeze): node 1 keeps the lock,
   * node 2's delete waits until node 1 releases after the copy, S10 and S2 hold, B ends
   * available and A deleted.
   */
  @Test
  void leaseLongerThanPause_lockKept_deleteWaitsForTheClone() {
    Freeze freeze = cloneThenFreezeHolderThenDelete(knobs().withLease(seconds(90)));

    assertThat(events(freeze.deployment(), LockEvent.Kind.EXPIRED)).isEmpty();
    LockEvent release = events(freeze.deployment(), LockEvent.Kind.RELEASED).get(0);
    LockEvent secondGrant = events(freeze.deployment(), LockEvent.Kind.GRANTED).get(1);
    assertThat(release.holder()).isEqualTo(freeze.holder());
    assertThat(secondGrant.holder()).isEqualTo(freeze.deleteNode());
    assertThat(secondGrant.trueTimeNanos()).isGreaterThanOrEqualTo(release.trueTimeNanos());
    assertThat(LockSafetyProperty.check(freeze.deployment().artifacts()).status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(SourceProtectionProperty.check(freeze.deployment().artifacts()).status())
        .isEqualTo(PropertyStatus.HOLDS);
    assertThat(freeze.deployment().status(CLONE)).isEqualTo("available");
    assertThat(freeze.deployment().volume(SOURCE).isTrue("deleted")).isTrue();
  }

  /** The copy ends within the driver's 60 s call timeout, frozen time included. */
  private static RunbookKnobs knobs() {
    return RunbookKnobs.cinderToday().withVolumeNodes(2).withCoordination(CoordinationBackend.ETCD)
        .withCopy(seconds(50));
  }

  private static Freeze cloneThenFreezeHolderThenDelete(RunbookKnobs knobs) {
    Freeze freeze = CloneUnderFrozenHolder.run(RunbookDeployment.start(knobs));
    assertThat(freeze.delete().answer().code()).isEqualTo(ApiResponse.Code.ACCEPTED);
    return freeze;
  }

  private static List<LockEvent> events(RunbookDeployment deployment, LockEvent.Kind kind) {
    return CloneUnderFrozenHolder.events(deployment, kind);
  }
}

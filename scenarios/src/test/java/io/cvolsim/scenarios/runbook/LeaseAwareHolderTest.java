package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.model.dlm.CoordinationBackend;
import io.cvolsim.model.dlm.LockEvent;
import io.cvolsim.model.dlm.LockHolder;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import io.cvolsim.scenarios.properties.LockSafetyProperty;
import io.cvolsim.scenarios.runbook.CloneUnderFrozenHolder.Freeze;
import io.cvolsim.scenarios.runbook.RunbookKnobs.Holder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runbook 18, reference §7.4 ("safety needs the holder to stop touching storage before its lease
 * could expire, which Cinder does not enforce") and S10: runbook 5's freeze, with a holder that
 * knows its lease. Its clock runs 20% slow, the most the nemesis drifts one. Allowing for that
 * error it gives the lock up before etcd can free it, so the next holder never overlaps it;
 * trusting its clock, it reckons the lease a quarter longer than etcd does and overlaps.
 */
class LeaseAwareHolderTest {
  private static final String SOURCE_LOCK = CloneUnderFrozenHolder.SOURCE_LOCK;
  private static final long SLOW_CLOCK_PPM = -200_000;

  /**
   * Intent: node 1 holds {@code A-delete_volume} for a clone and freezes for 45 s under a 30 s
   * lease; its clock loses a fifth. Allowing 20% clock error, it gives the lock up, dated by its
   * own clock, no later than etcd expires the lease, and node 2's delete takes the lock after the
   * expiry: S10 holds. Once thawed, node 1's only storage call (deleting the clone the source's
   * delete spoiled) goes out after it has released the lock it gave up.
   */
  @Test
  void allowingForItsClockError_holderGivesUpBeforeTheServerFreesTheLock() {
    Freeze freeze = cloneThenFreezeHolderThenDelete(knobs(200_000));

    LockEvent gaveUp = single(freeze.deployment(), LockEvent.Kind.GAVE_UP);
    LockEvent expiry = single(freeze.deployment(), LockEvent.Kind.EXPIRED);
    assertThat(gaveUp.holder()).isEqualTo(freeze.holder());
    assertThat(gaveUp.trueTimeNanos()).as("given up while frozen, before etcd freed the lock")
        .isBetween(freeze.pausedAtNanos(), expiry.trueTimeNanos());
    LockEvent secondGrant = events(freeze.deployment(), LockEvent.Kind.GRANTED).get(1);
    assertThat(secondGrant.holder()).isEqualTo(freeze.deleteNode());
    assertThat(secondGrant.trueTimeNanos()).isGreaterThanOrEqualTo(expiry.trueTimeNanos());
    PropertyResult lockSafety = LockSafetyProperty.check(freeze.deployment().artifacts());
    assertThat(lockSafety.status()).isEqualTo(PropertyStatus.HOLDS);
    LockEvent released = events(freeze.deployment(), LockEvent.Kind.RELEASE_REQUESTED).stream()
        .filter(event -> event.holder().equals(freeze.holder())).findFirst().orElseThrow();
    assertThat(freeze.deployment().storageLog().entries())
        .filteredOn(entry -> entry.call().caller().equals(freeze.holder())
            && entry.issuedNanos() > freeze.pausedAtNanos())
        .as("after its freeze, the holder's storage calls wait until it has released the lock it gave up")
        .isNotEmpty()
        .allSatisfy(entry -> assertThat(entry.issuedNanos()).isGreaterThanOrEqualTo(released.trueTimeNanos()));
  }

  /**
   * Intent: the same run with a holder that trusts its clock (0% error): it believes until its own
   * clock shows 30 s, 37.5 s of true time, and node 2 is granted the lock in between: S10 is
   * violated naming both holders.
   */
  @Test
  void trustingASlowClock_holderBelievesPastTheServersExpiry_lockSafetyViolated() {
    Freeze freeze = cloneThenFreezeHolderThenDelete(knobs(0));

    LockEvent gaveUp = single(freeze.deployment(), LockEvent.Kind.GAVE_UP);
    LockEvent expiry = single(freeze.deployment(), LockEvent.Kind.EXPIRED);
    assertThat(gaveUp.trueTimeNanos()).as("the slow clock shows the lease's end late")
        .isGreaterThan(expiry.trueTimeNanos());
    PropertyResult lockSafety = LockSafetyProperty.check(freeze.deployment().artifacts());
    assertThat(lockSafety.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(lockSafety.witness()).anySatisfy(line -> assertThat(line).contains(SOURCE_LOCK)
        .contains(freeze.holder().name()).contains(freeze.deleteNode().name()).contains("GAVE_UP"));
  }

  private static RunbookKnobs knobs(long clockErrorPpm) {
    return RunbookKnobs.cinderToday().withVolumeNodes(2).withCoordination(CoordinationBackend.ETCD)
        .withCopy(seconds(50)).withHolder(new Holder(LockHolder.LEASE_AWARE, clockErrorPpm));
  }

  /** Runbook 5's script, with both c-vols' clocks running slow from the start. */
  private static Freeze cloneThenFreezeHolderThenDelete(RunbookKnobs knobs) {
    RunbookDeployment deployment = RunbookDeployment.start(knobs);
    deployment.driftClock(deployment.volumeNode(1), SLOW_CLOCK_PPM);
    deployment.driftClock(deployment.volumeNode(2), SLOW_CLOCK_PPM);
    return CloneUnderFrozenHolder.run(deployment);
  }

  private static LockEvent single(RunbookDeployment deployment, LockEvent.Kind kind) {
    List<LockEvent> found = events(deployment, kind);
    assertThat(found).as(kind.name()).hasSize(1);
    return found.get(0);
  }

  private static List<LockEvent> events(RunbookDeployment deployment, LockEvent.Kind kind) {
    return CloneUnderFrozenHolder.events(deployment, kind);
  }
}

package io.cvolsim.scenarios.properties;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.dlm.CoordinationBackend;
import io.cvolsim.model.dlm.LockEvent;
import io.cvolsim.model.dlm.LockLog;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** S10 and L3 on lock logs written by real coordinators (etcd and file locks). */
class LockPropertiesTest {
  static final String LOCK = "v1-delete_volume";
  static final String A = "c-vol-1";
  static final String B = "c-vol-2";

  private static PropertyResult s10(LockScript script) {
    return LockSafetyProperty.check(script.log.events(), Map.of());
  }

  private static PropertyResult l3(LockScript script) {
    return LockReleaseProperty.check(script.log.events(), Map.of());
  }

  static LockScript etcd() {
    return new LockScript(CoordinationBackend.ETCD, A, B);
  }

  @Test
  void s10_etcdHandOverAfterRelease_holdsAndTheMutexModelAgrees() {
    LockScript script = etcd().acquireAt(seconds(1), A, LOCK).acquireAt(seconds(2), B, LOCK)
        .releaseAt(seconds(10), A, LOCK).releaseAt(seconds(20), B, LOCK).run(seconds(30));
    PropertyResult result = s10(script);
    assertThat(result.status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(result.summary()).contains("2 grants").contains("mutex model: linearizable");
  }

  /** The holder stalls from 2 s to 60 s, its lease expires, B gets in; A resumes and releases. */
  static LockScript pausedHolder() {
    return etcd().acquireAt(seconds(1), A, LOCK).pauseBetween(A, seconds(2), seconds(60))
        .acquireAt(seconds(3), B, LOCK).releaseAt(seconds(61), A, LOCK).run(seconds(80));
  }

  @Test
  void s10_etcdLeaseExpiredUnderAPausedHolder_isViolatedByBothCheckers() {
    PropertyResult result = s10(pausedHolder());
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.summary()).contains("mutex model: not-linearizable");
    assertThat(result.witness()).singleElement().asString().contains("held at once").contains(A).contains(B);
  }

  /**
   * The same pause with a lease-aware holder: A's 30 s lease, confirmed at its 1 s grant, ends by
   * its own reckoning at 25 s (20% error allowed) while it is paused; etcd frees the lock at about
   * 31 s and B takes it. A never runs to notice before its release at 61 s, yet its belief ends at
   * 25 s, so S10 holds and the expiry under a live holder is reported as reached.
   */
  @Test
  void s10_leaseAwareHolderPausedPastItsLease_gaveUpFirst_holds() {
    LockScript script = etcd().leaseAware(200_000).acquireAt(seconds(1), A, LOCK)
        .pauseBetween(A, seconds(2), seconds(60)).acquireAt(seconds(3), B, LOCK).releaseAt(seconds(61), A, LOCK)
        .run(seconds(80));
    LockEvent gaveUp = script.log.eventsOf(LockEvent.Kind.GAVE_UP).get(0);
    LockEvent expired = script.log.eventsOf(LockEvent.Kind.EXPIRED).get(0);

    assertThat(gaveUp.holder().name()).isEqualTo(A);
    assertThat(gaveUp.trueTimeNanos()).isBetween(seconds(25), seconds(26)).isLessThan(expired.trueTimeNanos());
    assertThat(s10(script).status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(l3(script).summary()).as("A released what it gave up; only B's grant is left open")
        .startsWith("1 grants never released by their holder");
    TestArtifacts artifacts = new TestArtifacts();
    artifacts.locks = script.log;
    assertThat(artifacts.goal(ReachabilityGoals.LEASE_EXPIRED)).isEqualTo(PropertyStatus.HOLDS);
    assertThat(artifacts.goal(ReachabilityGoals.ZOMBIE)).as("it gave the lock up: no zombie")
        .isEqualTo(PropertyStatus.NOT_EXERCISED);
  }

  /**
   * A holder that gives the lock up only after the server freed it (it reckoned the lease too
   * long) overlaps the next holder: the log alone convicts it.
   */
  @Test
  void s10_givingUpAfterTheServerFreedTheLock_isViolated() {
    long[] now = {seconds(10)};
    LockLog log = new LockLog(() -> now[0]);
    log.record(LockEvent.Kind.GRANTED, LOCK, NodeId.of(A), 7, 1, "");
    now[0] = seconds(40);
    log.record(LockEvent.Kind.EXPIRED, LOCK, NodeId.of(A), 7, LockEvent.NO_OPERATION, "");
    now[0] = seconds(41);
    log.record(LockEvent.Kind.GRANTED, LOCK, NodeId.of(B), 9, 2, "");
    log.noteBeliefLimit(LOCK, NodeId.of(B), 9, 2, seconds(70));
    now[0] = seconds(50);
    log.recordGaveUp(LOCK, NodeId.of(A), 7, 1, seconds(45));
    now[0] = seconds(80);

    PropertyResult result = LockSafetyProperty.check(log.events(), Map.of());

    assertThat(log.eventsOf(LockEvent.Kind.GAVE_UP)).as("B's limit is dated though B never logged it")
        .extracting(LockEvent::holder).extracting(NodeId::name).containsExactly(A, B);
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness()).anySatisfy(line -> assertThat(line).contains("(GAVE_UP)"));
  }

  @Test
  void s10_fileLocksOnTwoNodes_areHeldAtOnce() {
    LockScript script = new LockScript(CoordinationBackend.FILE, A, B)
        .acquireAt(seconds(1), A, LOCK).acquireAt(seconds(2), B, LOCK)
        .releaseAt(seconds(5), A, LOCK).releaseAt(seconds(6), B, LOCK).run(seconds(10));
    assertThat(s10(script).status()).isEqualTo(PropertyStatus.VIOLATED);
  }

  /** A crashes holding the lock; its lease expires and B gets it: no one held it twice. */
  private static LockScript crashedHolder() {
    return etcd().acquireAt(seconds(1), A, LOCK).crashAt(seconds(5), A)
        .acquireAt(seconds(6), B, LOCK).run(seconds(60));
  }

  @Test
  void s10_crashedHoldersLeaseExpires_holdsWithACaveat() {
    PropertyResult result = s10(crashedHolder());
    assertThat(result.status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(result.witness()).singleElement().asString().startsWith("caveat: never released");
  }

  /**
   * Hardened with fencing=stonith, seed 21: the holder crashed, its lease expired and B took the
   * lock; STONITH powered the dead machine off only later. Its belief ended at the crash.
   */
  @Test
  void s10_aPowerOffAfterTheHoldersCrash_doesNotStretchItsBelief() {
    LockScript script = crashedHolder();
    Map<String, Long> poweredOffLater = Map.of(A, seconds(50));
    assertThat(LockSafetyProperty.check(script.log.events(), poweredOffLater).status())
        .as("without the crash, the power-off ends the belief").isEqualTo(PropertyStatus.VIOLATED);
    PropertyResult result = LockSafetyProperty.check(script.log.events(), poweredOffLater,
        Map.of(A, List.of(seconds(5))));
    assertThat(result.status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(LockGrants.of(script.log.events(), poweredOffLater, Map.of(A, List.of(seconds(5))))).first()
        .satisfies(grant -> assertThat(grant.beliefEndNanos()).isEqualTo(seconds(5)));
  }

  @Test
  void s10_noGrant_isNotExercised() {
    assertThat(s10(etcd().run(seconds(1))).status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }

  @Test
  void l3_crashedHoldersLockBecomesAvailable() {
    assertThat(l3(crashedHolder()).status()).isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void l3_fileLockFreedAtProcessDeath_holds() {
    LockScript script = new LockScript(CoordinationBackend.FILE, A).acquireAt(seconds(1), A, LOCK)
        .crashAt(seconds(2), A).run(seconds(3));
    assertThat(script.log.eventsOf(LockEvent.Kind.FREED_AT_PROCESS_DEATH)).hasSize(1);
    assertThat(l3(script).status()).isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void l3_lockNeverFreedWhileAnotherWaits_isViolated() {
    LockLog log = new LockLog(() -> 0);
    log.record(LockEvent.Kind.ACQUIRE_REQUESTED, LOCK, NodeId.of(A), LockEvent.NO_TOKEN, 1, "");
    log.record(LockEvent.Kind.GRANTED, LOCK, NodeId.of(A), 7, 1, "");
    log.record(LockEvent.Kind.ACQUIRE_REQUESTED, LOCK, NodeId.of(B), LockEvent.NO_TOKEN, 2, "");
    PropertyResult result = LockReleaseProperty.check(log.events(), Map.of());
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness()).singleElement().asString().contains("others asked");
  }

  @Test
  void l3_lockHeldAtTheEndWithNobodyWaiting_isACaveat() {
    LockScript script = etcd().acquireAt(seconds(1), A, LOCK).run(seconds(5));
    PropertyResult result = l3(script);
    assertThat(result.status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(result.witness()).singleElement().asString().startsWith("caveat: still held at the end");
  }

  @Test
  void l3_everyGrantReleased_isNotExercised() {
    LockScript script = etcd().acquireAt(seconds(1), A, LOCK).releaseAt(seconds(2), A, LOCK).run(seconds(5));
    assertThat(l3(script).status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }

  @Test
  void fencedHolder_beliefEndsAtThePowerOff() {
    LockScript script = etcd().acquireAt(seconds(1), A, LOCK).run(seconds(5));
    assertThat(LockGrants.of(script.log.events(), Map.of(A, seconds(3)))).singleElement()
        .satisfies(grant -> assertThat(grant.beliefEndNanos()).isEqualTo(seconds(3)));
  }
}

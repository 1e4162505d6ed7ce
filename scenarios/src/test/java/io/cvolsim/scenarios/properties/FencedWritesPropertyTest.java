package io.cvolsim.scenarios.properties;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.storage.IoCall;
import io.cvolsim.model.storage.IoLogEntry;
import io.cvolsim.model.storage.IoOutcome;
import io.cvolsim.model.storage.StorageOperation;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "fenced writes refused" on real I/O logs: revocation, power-off, and a harness that failed. */
class FencedWritesPropertyTest {
  private static final String ZOMBIE = "c-vol-a";
  private static final String CLEANER = "c-vol-b";

  private static PropertyResult check(StorageScript script) {
    return FencedWritesProperty.check(script.log.entries(), script.fencedNodes);
  }

  /** The zombie clones over [1 s, 5 s]; then it tries to extend at 6 s. */
  private static StorageScript zombieClone() {
    return new StorageScript().node(ZOMBIE).node(CLEANER)
        .at(0, ZOMBIE, driver -> driver.createVolume("v1", 1))
        .at(seconds(1), ZOMBIE, driver -> driver.createCloneFrom("v2", "v1", 1))
        .at(seconds(6), ZOMBIE, driver -> driver.extendVolume("v1", 2));
  }

  @Test
  void revocation_refusesLaterCallsAndListsTheRunningCloneAsAZombie() {
    StorageScript script = zombieClone()
        .at(seconds(2), CLEANER, driver -> driver.revokeAccess(NodeId.of(ZOMBIE))).run();
    PropertyResult result = check(script);
    assertThat(result.status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(result.witness()).singleElement().asString()
        .startsWith("caveat: zombie write ran across its caller's revocation").contains("CLONE_VOLUME");
  }

  @Test
  void powerOff_stopsTheNodeAndItsRunningCloneIsAZombie() {
    PropertyResult result = check(zombieClone().powerOffAt(seconds(2), ZOMBIE).run());
    assertThat(result.status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(result.witness()).singleElement().asString().contains("power-off");
  }

  /** The harness says it powered the zombie off at 2 s but never did: its 6 s extend is accepted. */
  @Test
  void powerOffThatDidNotHappen_isViolatedByTheLaterCall() {
    StorageScript script = zombieClone().run();
    script.fencedNodes.put(ZOMBIE, seconds(2));
    PropertyResult result = check(script);
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness().get(0)).contains("accepted after its caller was powered off").contains("EXTEND_VOLUME");
  }

  /**
   * fencing=self, hardened seed 5: a stalled c-vol resumes, sends a delete, and then powers itself
   * off in the same instant; the array receives the call 9 ms later. It was in flight, not new.
   */
  @Test
  void aCallSentBeforeThePowerOffAndArrivingAfter_isAZombieWrite() {
    IoLogEntry sentBefore = new IoLogEntry(1, new IoCall(NodeId.of(ZOMBIE), StorageOperation.DELETE_VOLUME, "v1",
        null, null), millis(2009), millis(2100), IoOutcome.COMPLETED, "", null, seconds(2));
    PropertyResult result = FencedWritesProperty.check(List.of(sentBefore), Map.of(ZOMBIE, seconds(2)));
    assertThat(result.status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(result.witness()).singleElement().asString().startsWith("caveat: zombie write sent before");

    IoLogEntry sentAfter = new IoLogEntry(1, sentBefore.call(), millis(2009), millis(2100), IoOutcome.COMPLETED, "",
        null, seconds(2) + 1);
    assertThat(FencedWritesProperty.check(List.of(sentAfter), Map.of(ZOMBIE, seconds(2))).status())
        .isEqualTo(PropertyStatus.VIOLATED);
  }

  /** An array that ignored its own revocation: built directly, since the real array refuses. */
  @Test
  void callAcceptedAfterARevocation_isViolated() {
    IoLogEntry revoke = new IoLogEntry(1, new IoCall(NodeId.of(CLEANER), StorageOperation.REVOKE_ACCESS, ZOMBIE,
        null, null), seconds(1), millis(1100), IoOutcome.COMPLETED, "", null);
    IoLogEntry extend = new IoLogEntry(2, new IoCall(NodeId.of(ZOMBIE), StorageOperation.EXTEND_VOLUME, "v1",
        null, null), seconds(2), millis(2100), IoOutcome.COMPLETED, "", null);
    PropertyResult result = FencedWritesProperty.check(List.of(revoke, extend), Map.of());
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness()).singleElement().asString().startsWith("accepted while its caller was revoked");
  }

  @Test
  void noFencing_isNotExercised() {
    assertThat(check(zombieClone().run()).status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }

  @Test
  void zombieGoal_isReachedByTheRevokedClone() {
    StorageScript script = zombieClone()
        .at(millis(2000), CLEANER, driver -> driver.revokeAccess(NodeId.of(ZOMBIE))).run();
    assertThat(FencedWritesProperty.storageZombies(script.log.entries(), script.fencedNodes)).hasSize(1);
  }
}

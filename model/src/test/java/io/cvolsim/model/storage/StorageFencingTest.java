package io.cvolsim.model.storage;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static io.cvolsim.model.storage.StorageWorld.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.kernel.sim.NodeState;
import io.cvolsim.model.storage.StoredObject.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Storage fencing (access revocation) and token fencing on the array: variant V11 (d). */
class StorageFencingTest {
  private static final NodeId ZOMBIE = NodeId.of("c-vol-a");
  private static final NodeId CLEANER = NodeId.of("c-vol-b");
  private static final FencingToken OLD = new FencingToken("v1-delete_volume", 1);
  private static final FencingToken NEW = new FencingToken("v1-delete_volume", 2);

  private static String failureOf(Outcome<?> outcome) {
    return ((Outcome.Failed<?>) outcome).failure().toString();
  }

  @Test
  void revokedNode_laterWriteIsRefusedAndLogged() {
    StorageWorld world = new StorageWorld(3, StorageWorld.fixedTimings());
    world.addClient(ZOMBIE, at(0, "create v1", c -> c.driver.createVolume("v1", 1)),
        at(millis(200), "attach", c -> c.driver.initializeConnection("v1", "host-a")),
        at(millis(300), "write before", c -> c.disk("v1", "host-a").writeBlock(0)),
        at(seconds(2), "write after", c -> c.disk("v1", "host-a").writeBlock(1)));
    world.addClient(CLEANER, at(seconds(1), "revoke", c -> c.driver.revokeAccess(ZOMBIE)));
    world.simulation.runUntil(seconds(5));

    assertThat(world.outcome("write before").isSuccess()).isTrue();
    assertThat(world.outcome("revoke").isSuccess()).isTrue();
    assertThat(failureOf(world.outcome("write after"))).contains("access revoked for c-vol-a");
    List<IoLogEntry> writes = world.log.entries().stream()
        .filter(entry -> entry.call().operation() == StorageOperation.WRITE_BLOCK).toList();
    assertThat(writes).extracting(IoLogEntry::outcome)
        .containsExactly(IoOutcome.COMPLETED, IoOutcome.REFUSED_REVOKED);
    assertThat(world.log.contents().get("v1").block(1)).isZero();
    assertThat(StorageLogFindings.acceptedWhileRevoked(world.log.entries())).isEmpty();
    assertThat(world.array.isRevoked(ZOMBIE)).isTrue();
  }

  @Test
  void revokedNode_failsDriverSetupUntilItRestoresItself() {
    StorageWorld world = new StorageWorld(3, StorageWorld.fixedTimings());
    world.addClient(CLEANER, at(0, "revoke a", c -> c.driver.revokeAccess(ZOMBIE)),
        at(0, "revoke b", c -> c.driver.revokeAccess(CLEANER)));
    world.addClient(ZOMBIE, at(seconds(1), "setup while fenced", c -> c.driver.doSetup()),
        at(millis(1500), "restore another", c -> c.driver.restoreAccess(CLEANER)),
        at(seconds(2), "restore self", c -> c.driver.restoreAccess(ZOMBIE)),
        at(seconds(3), "setup again", c -> c.driver.doSetup()));
    world.simulation.runUntil(seconds(5));

    assertThat(failureOf(world.outcome("setup while fenced"))).contains("access revoked");
    assertThat(failureOf(world.outcome("restore another"))).contains("access revoked for c-vol-a");
    assertThat(world.outcome("restore self").isSuccess()).isTrue();
    assertThat(world.outcome("setup again").isSuccess()).isTrue();
  }

  /**
   * A revocation decided against incarnation 1 arrives after incarnation 2 re-admitted itself: with
   * incarnations named the array refuses it and the new process keeps its access; a revocation of
   * the host shuts the new process out.
   */
  @Test
  void revocationOfAnOlderIncarnation_isRefused_whileOneOfTheHostShutsTheNewProcessOut() {
    StorageWorld named = lateRevocation(1);
    assertThat(failureOf(named.outcome("late revoke"))).contains("stale revocation");
    assertThat(named.outcome("create after").isSuccess()).isTrue();
    assertThat(named.simulation.probes().count("storage.stale-revocation-refused")).isOne();
    assertThat(StorageLogFindings.acceptedWhileRevoked(named.log.entries())).isEmpty();

    StorageWorld byHost = lateRevocation(null);
    assertThat(byHost.outcome("late revoke").isSuccess()).isTrue();
    assertThat(failureOf(byHost.outcome("create after"))).contains("access revoked for c-vol-a");
  }

  @Test
  void revocationOfTheCurrentIncarnation_stillFencesIt() {
    StorageWorld world = new StorageWorld(3, StorageWorld.fixedTimings());
    world.addClient(ZOMBIE, at(0, "restore as 2", c -> c.driver.restoreAccess(ZOMBIE, 2)),
        at(seconds(2), "create after", c -> c.driver.createVolume("v1", 1)));
    world.addClient(CLEANER, at(seconds(1), "revoke 2", c -> c.driver.revokeAccess(ZOMBIE, 2)));
    world.simulation.runUntil(seconds(5));

    assertThat(world.outcome("revoke 2").isSuccess()).isTrue();
    assertThat(failureOf(world.outcome("create after"))).contains("access revoked for c-vol-a");
  }

  private static StorageWorld lateRevocation(Integer judgedIncarnation) {
    StorageWorld world = new StorageWorld(3, StorageWorld.fixedTimings());
    world.addClient(ZOMBIE, at(0, "restore as 2", c -> c.driver.restoreAccess(ZOMBIE, judgedIncarnation == null ? null : 2)),
        at(seconds(2), "create after", c -> c.driver.createVolume("v1", 1)));
    world.addClient(CLEANER, at(seconds(1), "late revoke", c -> c.driver.revokeAccess(ZOMBIE, judgedIncarnation)));
    world.simulation.runUntil(seconds(5));
    return world;
  }

  /** The zombie's clone was accepted before the revocation; the array cannot stop it. */
  @Test
  void revocationWithRunningWork_letsItFinishUnlessTheArrayAborts() {
    StorageWorld continuing = revokeDuringClone(RevokedInFlight.CONTINUE);
    IoLogEntry clone = continuing.onlyEntry(StorageOperation.CLONE_VOLUME);
    assertThat(clone.outcome()).isEqualTo(IoOutcome.COMPLETED);
    assertThat(StorageLogFindings.runningAcrossRevocation(continuing.log.entries())).hasSize(1);
    assertThat(continuing.simulation.probes().count("storage.revoked-with-work-running")).isOne();

    StorageWorld aborting = revokeDuringClone(RevokedInFlight.ABORT);
    IoLogEntry aborted = aborting.onlyEntry(StorageOperation.CLONE_VOLUME);
    assertThat(aborted.outcome()).isEqualTo(IoOutcome.ABORTED);
    assertThat(aborted.endNanos()).isEqualTo(aborting.onlyEntry(StorageOperation.REVOKE_ACCESS).startNanos());
    assertThat(aborted.copy().isTorn()).isTrue();
    assertThat(aborting.log.inventory().get("v2").status()).isEqualTo(Status.ERROR);
    assertThat(StorageLogFindings.runningAcrossRevocation(aborting.log.entries())).isEmpty();
    assertThat(failureOf(aborting.outcome("clone v2"))).contains("aborted");
  }

  private static StorageWorld revokeDuringClone(RevokedInFlight revokedInFlight) {
    StorageWorld world = new StorageWorld(3, StorageWorld.fixedTimings().withRevokedInFlight(revokedInFlight));
    world.addClient(ZOMBIE, at(0, "create v1", c -> c.driver.createVolume("v1", 1)),
        at(seconds(1), "clone v2", c -> c.driver.createCloneFrom("v2", "v1", 1)));
    world.addClient(CLEANER, at(seconds(2), "revoke", c -> c.driver.revokeAccess(ZOMBIE)));
    world.simulation.runUntil(seconds(10));
    return world;
  }

  /**
   * V11's zombie: the cleaner clears the download while the zombie, cut off from the database
   * but not from storage, is still writing the image. Without fencing both act on the volume;
   * with storage fencing the zombie's next write is refused.
   */
  @Test
  void zombieDownload_overlapsTheCleanersClearDownloadUnlessRevoked() {
    StorageWorld unfenced = zombieDownload(false);
    assertThat(StorageLogFindings.concurrentMutations(unfenced.log.entries()))
        .anyMatch(overlap -> overlap.second().call().operation() == StorageOperation.CLEAR_DOWNLOAD);
    assertThat(unfenced.outcome("download").isSuccess()).isTrue();

    StorageWorld fenced = zombieDownload(true);
    assertThat(failureOf(fenced.outcome("download"))).contains("access revoked");
    assertThat(fenced.log.entries()).anyMatch(entry -> entry.outcome() == IoOutcome.REFUSED_REVOKED);
    assertThat(StorageLogFindings.acceptedWhileRevoked(fenced.log.entries())).isEmpty();
  }

  private static StorageWorld zombieDownload(boolean revokeFirst) {
    StorageOptions slowWrites = StorageWorld.fixedTimings().withTimings(StorageTimings.uniform(
        DurationRange.between(millis(100), millis(100))));
    StorageWorld world = new StorageWorld(3, slowWrites);
    world.addClient(ZOMBIE, at(0, "create v1", c -> c.driver.createVolume("v1", 1)),
        at(seconds(1), "download", c -> c.driver.copyImageToVolume("v1")));
    world.addClient(CLEANER, at(millis(1150), "revoke", c -> revokeFirst
            ? c.driver.revokeAccess(ZOMBIE) : SimFuture.succeeded(null)),
        at(millis(1200), "clear download", c -> c.driver.clearDownload("v1")));
    world.simulation.runUntil(seconds(5));
    return world;
  }

  /** STONITH stops the node, not the work the array already accepted from it. */
  @Test
  void stonith_stopsTheNodesLaterCallsButNotItsAcceptedCopy() {
    StorageWorld world = new StorageWorld(3, StorageWorld.fixedTimings());
    PowerSwitch powerSwitch = (requestedBy, target, delayNanos) -> world.simulation.scheduleAt(
        world.simulation.nowNanos() + delayNanos, "power off " + target + " for " + requestedBy,
        () -> world.simulation.crash(target));
    world.addClient(ZOMBIE, at(0, "create v1", c -> c.driver.createVolume("v1", 1)),
        at(seconds(1), "clone v2", c -> c.driver.createCloneFrom("v2", "v1", 1)),
        at(seconds(3), "extend v1", c -> c.driver.extendVolume("v1", 2)));
    world.addClient(CLEANER, at(seconds(2), "stonith", c -> {
      powerSwitch.powerOff(c.context.self(), ZOMBIE, millis(500));
      return SimFuture.succeeded(null);
    }));
    world.simulation.runUntil(seconds(10));

    assertThat(world.simulation.state(ZOMBIE)).isEqualTo(NodeState.CRASHED);
    assertThat(world.onlyEntry(StorageOperation.CLONE_VOLUME).outcome()).isEqualTo(IoOutcome.COMPLETED);
    assertThat(world.onlyEntry(StorageOperation.CLONE_VOLUME).endNanos()).isGreaterThan(millis(2500));
    assertThat(world.log.entries()).noneMatch(entry -> entry.call().operation() == StorageOperation.EXTEND_VOLUME);
  }

  @Test
  void tokenFencing_refusesATokenOlderThanOneSeenForTheResource() {
    StorageWorld world = tokensInReverseOrder(TokenFencing.ON);
    assertThat(world.outcome("new holder deletes").isSuccess()).isTrue();
    Failure failure = ((Outcome.Failed<?>) world.outcome("old holder deletes")).failure();
    assertThat(failure.toString()).contains("stale fencing token v1-delete_volume#1");
    IoLogEntry refused = world.log.entries().get(world.log.entries().size() - 1);
    assertThat(refused.outcome()).isEqualTo(IoOutcome.REFUSED_STALE_TOKEN);
    assertThat(refused.call().fencingToken()).isEqualTo(OLD);
    assertThat(StorageLogFindings.concurrentMutations(world.log.entries())).isEmpty();
  }

  @Test
  void tokenFencingOff_acceptsTheStaleTokenAndTheOverlapShows() {
    StorageWorld world = tokensInReverseOrder(TokenFencing.OFF);
    assertThat(world.outcome("old holder deletes").isSuccess()).isTrue();
    assertThat(StorageLogFindings.concurrentMutations(world.log.entries())).hasSize(1);
  }

  @Test
  void tokenFencing_acceptsEqualOrNewerTokensAndCallsWithout() {
    StorageWorld world = new StorageWorld(3, StorageWorld.fixedTimings().withTokenFencing(TokenFencing.ON));
    world.addClient(ZOMBIE, at(0, "create", c -> c.driver.withFencingToken(OLD).createVolume("v1", 1)),
        at(seconds(1), "extend same token", c -> c.driver.withFencingToken(OLD).extendVolume("v1", 2)),
        at(seconds(2), "extend newer", c -> c.driver.withFencingToken(NEW).extendVolume("v1", 3)),
        at(seconds(3), "extend without", c -> c.driver.extendVolume("v1", 4)));
    world.simulation.runUntil(seconds(5));

    assertThat(world.outcomes.values()).allMatch(Outcome::isSuccess);
    assertThat(world.log.inventory().get("v1").sizeGb()).isEqualTo(4);
  }

  /** The new lock holder deletes with token 2 while the old holder, still running, sends token 1. */
  private static StorageWorld tokensInReverseOrder(TokenFencing tokenFencing) {
    StorageWorld world = new StorageWorld(3, StorageWorld.fixedTimings().withTokenFencing(tokenFencing));
    world.addClient(CLEANER, at(0, "create v1", c -> c.driver.createVolume("v1", 1)),
        at(seconds(1), "new holder deletes", c -> c.driver.withFencingToken(NEW).deleteVolume("v1")));
    world.addClient(ZOMBIE,
        at(millis(1050), "old holder deletes", c -> c.driver.withFencingToken(OLD).deleteVolume("v1")));
    world.simulation.runUntil(seconds(5));
    return world;
  }
}

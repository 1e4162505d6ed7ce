package io.cvolsim.model.storage;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static io.cvolsim.model.storage.StorageWorld.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.model.storage.StoredObject.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageArrayNodeTest {
  private static final NodeId NODE_A = NodeId.of("c-vol-a");
  private static final NodeId NODE_B = NodeId.of("c-vol-b");

  private final StorageWorld world = new StorageWorld(7, StorageWorld.fixedTimings());

  /** Creates v1 (1 GB, 4 blocks), exports it to host-a and writes block 0, all before 0.5 s. */
  private StorageWorld.Step[] sourceVolumeSteps() {
    return new StorageWorld.Step[] {
        at(0, "create v1", c -> c.driver.createVolume("v1", 1)),
        at(millis(200), "attach v1", c -> c.driver.initializeConnection("v1", "host-a")),
        at(millis(300), "write v1[0]", c -> c.disk("v1", "host-a").writeBlock(0))};
  }

  @Test
  void createVolume_takesItsTimeThenCompletes() {
    world.addClient(NODE_A, at(0, "create v1", c -> c.driver.createVolume("v1", 2)));
    world.simulation.runUntil(millis(50));
    assertThat(world.onlyEntry(StorageOperation.CREATE_VOLUME).isOpen()).isTrue();
    assertThat(world.log.inventory().get("v1").status()).isEqualTo(Status.CREATING);

    world.simulation.runUntil(seconds(1));
    IoLogEntry create = world.onlyEntry(StorageOperation.CREATE_VOLUME);
    assertThat(create.outcome()).isEqualTo(IoOutcome.COMPLETED);
    assertThat(create.endNanos() - create.startNanos()).isEqualTo(millis(100));
    assertThat(create.call().caller()).isEqualTo(NODE_A);
    assertThat(world.outcome("create v1").isSuccess()).isTrue();
    StoredObject volume = world.log.inventory().get("v1");
    assertThat(volume.status()).isEqualTo(Status.AVAILABLE);
    assertThat(volume.content()).isEqualTo(Content.empty(8));
  }

  @Test
  void clone_ofAQuietSource_isAnExactCopy() {
    world.addClient(NODE_A, sourceVolumeSteps());
    world.addClient(NODE_B, at(seconds(1), "clone v2", c -> c.driver.createCloneFrom("v2", "v1", 1)));
    world.simulation.runUntil(seconds(10));

    IoLogEntry clone = world.onlyEntry(StorageOperation.CLONE_VOLUME);
    assertThat(clone.outcome()).isEqualTo(IoOutcome.COMPLETED);
    assertThat(clone.endNanos() - clone.startNanos()).isEqualTo(seconds(4));
    assertThat(clone.copy().isTorn()).isFalse();
    assertThat(world.log.contents().get("v2")).isEqualTo(world.log.contents().get("v1"));
    assertThat(world.log.contents().get("v1").block(0)).isPositive();
    assertThat(StorageLogFindings.tornCopies(world.log.entries())).isEmpty();
  }

  @Test
  void writeToSourceDuringClone_leavesATornCopy() {
    world.addClient(NODE_A, sourceVolumeSteps());
    world.addClient(NODE_B,
        at(seconds(1), "clone v2", c -> c.driver.createCloneFrom("v2", "v1", 1)),
        at(millis(2500), "attach v1 to host-b", c -> c.driver.initializeConnection("v1", "host-b")),
        at(millis(2600), "write v1[2]", c -> c.disk("v1", "host-b").writeBlock(2)));
    world.simulation.runUntil(seconds(10));

    IoLogEntry clone = world.onlyEntry(StorageOperation.CLONE_VOLUME);
    assertThat(world.outcome("write v1[2]").isSuccess()).isTrue();
    assertThat(clone.outcome()).isEqualTo(IoOutcome.COMPLETED); // the array does not notice
    assertThat(clone.copy().isTorn()).isTrue();
    assertThat(clone.copy().targetAtEnd().block(2)).isNotEqualTo(clone.copy().sourceAtStart().block(2));
    assertThat(StorageLogFindings.tornCopies(world.log.entries())).containsExactly(clone);
    assertThat(world.simulation.probes().count("storage.copy-read-changed-source")).isOne();
  }

  @Test
  void deleteOfSourceDuringClone_showsAsS2OverlapAndBreaksTheCopy() {
    world.addClient(NODE_A, at(0, "create v1", c -> c.driver.createVolume("v1", 1)),
        at(seconds(1), "clone v2", c -> c.driver.createCloneFrom("v2", "v1", 1)));
    world.addClient(NODE_B, at(millis(2500), "delete v1", c -> c.driver.deleteVolume("v1")));
    world.simulation.runUntil(seconds(10));

    IoLogEntry clone = world.onlyEntry(StorageOperation.CLONE_VOLUME);
    IoLogEntry delete = world.onlyEntry(StorageOperation.DELETE_VOLUME);
    assertThat(StorageLogFindings.deletesDuringCopies(world.log.entries()))
        .containsExactly(new StorageLogFindings.Overlap(clone, delete));
    assertThat(clone.outcome()).isEqualTo(IoOutcome.FAILED);
    assertThat(clone.detail()).contains("source v1 deleted during the copy");
    assertThat(clone.copy().isTorn()).isTrue();
    Failure failure = ((Outcome.Failed<?>) world.outcome("clone v2")).failure();
    assertThat(VolumeDriver.isNotFound(failure)).isTrue();
    assertThat(world.log.inventory()).doesNotContainKey("v1");
    assertThat(world.log.inventory().get("v2").status()).isEqualTo(Status.ERROR); // left behind
  }

  @Test
  void cloneStartedAfterTheDelete_isNotAnOverlap() {
    world.addClient(NODE_A, at(0, "create v1", c -> c.driver.createVolume("v1", 1)),
        at(seconds(1), "delete v1", c -> c.driver.deleteVolume("v1")),
        at(seconds(2), "clone v2", c -> c.driver.createCloneFrom("v2", "v1", 1)));
    world.simulation.runUntil(seconds(10));

    assertThat(StorageLogFindings.deletesDuringCopies(world.log.entries())).isEmpty();
    assertThat(world.onlyEntry(StorageOperation.CLONE_VOLUME).outcome()).isEqualTo(IoOutcome.REJECTED);
    assertThat(world.log.inventory()).isEmpty();
  }

  /** LVM's way: the clone reads a temporary snapshot, which makes a delete of the source busy. */
  @Test
  void temporarySnapshotClone_isPointInTimeAndHoldsOffTheSourceDelete() {
    StorageWorld lvm = new StorageWorld(7,
        StorageWorld.fixedTimings().withCloneMethod(CloneMethod.TEMPORARY_SNAPSHOT));
    lvm.addClient(NODE_A, sourceVolumeSteps());
    lvm.addClient(NODE_B,
        at(seconds(1), "clone v2", c -> c.driver.createCloneFrom("v2", "v1", 1)),
        at(millis(2500), "attach v1 to host-b", c -> c.driver.initializeConnection("v1", "host-b")),
        at(millis(2600), "write v1[2]", c -> c.disk("v1", "host-b").writeBlock(2)),
        at(seconds(3), "delete v1", c -> c.driver.deleteVolume("v1")));
    lvm.simulation.runUntil(seconds(2));
    assertThat(lvm.log.inventory().get("clone-snap-v2").parentVolumeId()).isEqualTo("v1");
    lvm.simulation.runUntil(seconds(10));

    IoLogEntry clone = lvm.onlyEntry(StorageOperation.CLONE_VOLUME);
    assertThat(clone.outcome()).isEqualTo(IoOutcome.COMPLETED);
    assertThat(clone.copy().isTorn()).isFalse();
    assertThat(lvm.onlyEntry(StorageOperation.DELETE_VOLUME).outcome()).isEqualTo(IoOutcome.REJECTED);
    assertThat(((Outcome.Failed<?>) lvm.outcome("delete v1")).failure().toString()).contains("busy");
    assertThat(StorageLogFindings.deletesDuringCopies(lvm.log.entries())).isEmpty();
    assertThat(lvm.log.inventory().keySet()).containsExactly("v1", "v2");
  }

  @Test
  void callerCrashingMidClone_arrayStillCompletesAndLogsIt() {
    world.addClient(NODE_A, sourceVolumeSteps());
    world.addClient(NODE_B, at(seconds(1), "clone v2", c -> c.driver.createCloneFrom("v2", "v1", 1)));
    world.simulation.scheduleAt(seconds(2), "crash b", () -> world.simulation.crash(NODE_B));
    world.simulation.runUntil(seconds(10));

    IoLogEntry clone = world.onlyEntry(StorageOperation.CLONE_VOLUME);
    assertThat(clone.call().caller()).isEqualTo(NODE_B);
    assertThat(clone.outcome()).isEqualTo(IoOutcome.COMPLETED);
    assertThat(clone.endNanos()).isGreaterThan(seconds(2));
    assertThat(world.log.inventory().get("v2").status()).isEqualTo(Status.AVAILABLE);
    assertThat(world.outcome("clone v2")).isNull(); // the answer went nowhere
  }

  @Test
  void callTimingOutAtTheCaller_stillCompletesOnTheArray() {
    world.addClient(NODE_A, sourceVolumeSteps());
    world.addClient(NODE_B, DriverOptions.defaults().withCallTimeoutNanos(seconds(1)),
        at(seconds(1), "clone v2", c -> c.driver.createCloneFrom("v2", "v1", 1)));
    world.simulation.runUntil(seconds(10));

    Failure failure = ((Outcome.Failed<?>) world.outcome("clone v2")).failure();
    assertThat(failure).isInstanceOf(Failure.TimedOut.class);
    assertThat(world.onlyEntry(StorageOperation.CLONE_VOLUME).outcome()).isEqualTo(IoOutcome.COMPLETED);
    assertThat(world.log.inventory()).containsKey("v2");
  }

  @Test
  void twoNodesDeletingOneVolume_overlapAsS1AndTheSecondFindsItGone() {
    world.addClient(NODE_A, at(0, "create v1", c -> c.driver.createVolume("v1", 1)),
        at(seconds(1), "delete v1 by a", c -> c.driver.deleteVolume("v1")));
    world.addClient(NODE_B, at(millis(1050), "delete v1 by b", c -> c.driver.deleteVolume("v1")));
    world.simulation.runUntil(seconds(5));

    List<StorageLogFindings.Overlap> overlaps = StorageLogFindings.concurrentMutations(world.log.entries());
    assertThat(overlaps).hasSize(1);
    assertThat(overlaps.get(0).first().call().caller()).isEqualTo(NODE_A);
    assertThat(overlaps.get(0).second().call().caller()).isEqualTo(NODE_B);
    assertThat(overlaps.get(0).second().detail()).isEqualTo("already absent");
    assertThat(world.outcome("delete v1 by b").isSuccess()).isTrue();
  }

  /** The same two deletes on an array that refuses a second caller's change while one runs. */
  @Test
  void refusingConcurrentMutations_answersTheSecondCallerBusy_andNothingOverlaps() {
    StorageWorld refusing = new StorageWorld(7, StorageWorld.fixedTimings()
        .withConcurrentMutations(ConcurrentMutations.REFUSE));
    refusing.addClient(NODE_A, at(0, "create v1", c -> c.driver.createVolume("v1", 1)),
        at(seconds(1), "delete v1 by a", c -> c.driver.deleteVolume("v1")));
    refusing.addClient(NODE_B, at(millis(1050), "delete v1 by b", c -> c.driver.deleteVolume("v1")));
    refusing.simulation.runUntil(seconds(5));

    assertThat(StorageLogFindings.concurrentMutations(refusing.log.entries())).isEmpty();
    assertThat(refusing.outcome("delete v1 by b").isSuccess()).isFalse();
    assertThat(refusing.outcome("delete v1 by a").isSuccess()).isTrue();
    assertThat(refusing.simulation.probes().count("storage.refused-busy")).isOne();
  }

  /** The same delete of a clone's source, on an array that refuses it while the copy runs (S2). */
  @Test
  void refusingConcurrentMutations_refusesADeleteOfASourceBeingCopied() {
    StorageWorld refusing = new StorageWorld(7, StorageWorld.fixedTimings()
        .withConcurrentMutations(ConcurrentMutations.REFUSE));
    refusing.addClient(NODE_A, at(0, "create v1", c -> c.driver.createVolume("v1", 1)),
        at(seconds(1), "clone v2", c -> c.driver.createCloneFrom("v2", "v1", 1)));
    refusing.addClient(NODE_B, at(millis(2500), "delete v1", c -> c.driver.deleteVolume("v1")));
    refusing.simulation.runUntil(seconds(10));

    assertThat(StorageLogFindings.deletesDuringCopies(refusing.log.entries())).isEmpty();
    assertThat(refusing.outcome("delete v1").isSuccess()).isFalse();
    assertThat(refusing.onlyEntry(StorageOperation.CLONE_VOLUME).outcome()).isEqualTo(IoOutcome.COMPLETED);
  }

  @Test
  void oneNodeOverlappingItself_isNoS1Finding() {
    world.addClient(NODE_A, at(0, "create v1", c -> c.driver.createVolume("v1", 1)),
        at(millis(50), "extend v1 while creating", c -> c.driver.extendVolume("v1", 2)),
        at(millis(60), "delete v1 while creating", c -> c.driver.deleteVolume("v1")));
    world.simulation.runUntil(seconds(10));

    assertThat(StorageLogFindings.concurrentMutations(world.log.entries())).isEmpty();
    assertThat(world.onlyEntry(StorageOperation.CREATE_VOLUME).outcome()).isEqualTo(IoOutcome.FAILED);
    assertThat(world.log.inventory()).isEmpty();
  }

  @Test
  void deleteOfAVolumeWithSnapshots_failsAsBusy() {
    world.addClient(NODE_A, at(0, "create v1", c -> c.driver.createVolume("v1", 1)),
        at(seconds(1), "snapshot s1", c -> c.driver.createSnapshot("s1", "v1")),
        at(seconds(6), "delete v1", c -> c.driver.deleteVolume("v1")),
        at(seconds(7), "delete s1", c -> c.driver.deleteSnapshot("s1")),
        at(seconds(8), "delete v1 again", c -> c.driver.deleteVolume("v1")));
    world.simulation.runUntil(seconds(10));

    assertThat(world.outcome("snapshot s1").isSuccess()).isTrue();
    assertThat(((Outcome.Failed<?>) world.outcome("delete v1")).failure().toString()).contains("busy");
    assertThat(world.outcome("delete s1").isSuccess()).isTrue();
    assertThat(world.outcome("delete v1 again").isSuccess()).isTrue();
    assertThat(world.log.inventory()).isEmpty();
  }

  @Test
  void arrayCrashingMidCopy_interruptsItAndLeavesTheTargetInError() {
    world.addClient(NODE_A, at(0, "create v1", c -> c.driver.createVolume("v1", 1)),
        at(seconds(1), "from snapshot", c -> c.driver.createSnapshot("s1", "v1")));
    world.simulation.scheduleAt(seconds(2), "crash array", () -> world.simulation.crash(StorageWorld.STORAGE));
    world.simulation.scheduleAt(seconds(3), "restart array", () -> world.simulation.restart(StorageWorld.STORAGE));
    world.simulation.runUntil(seconds(10));

    IoLogEntry snapshot = world.onlyEntry(StorageOperation.CREATE_SNAPSHOT);
    assertThat(snapshot.outcome()).isEqualTo(IoOutcome.INTERRUPTED);
    assertThat(snapshot.endNanos()).isEqualTo(seconds(3));
    assertThat(world.log.inventory().get("s1").status()).isEqualTo(Status.ERROR);
    assertThat(world.log.openEntries()).isEmpty();
  }
}

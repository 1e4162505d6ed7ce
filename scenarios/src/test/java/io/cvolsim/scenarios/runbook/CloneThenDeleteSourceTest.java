package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.api.ApiResponse;
import io.cvolsim.model.api.VolumeRequest;
import io.cvolsim.model.dlm.CoordinationBackend;
import io.cvolsim.model.dlm.LockEvent;
import io.cvolsim.model.storage.IoLogEntry;
import io.cvolsim.model.storage.StorageOperation;
import io.cvolsim.reports.PropertyStatus;
import io.cvolsim.scenarios.properties.QueuedDeletesProperty;
import io.cvolsim.scenarios.properties.SourceProtectionProperty;
import io.cvolsim.scenarios.runbook.ScriptedClient.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runbook 1, reference §7.6: "issue clone, then delete the source" must succeed, the delete
 * waiting on {@code A-delete_volume} until the clone is done. With a DLM the wait spans nodes;
 * with Cinder's default file locks it does not, and the source is deleted under the clone (S2).
 */
class CloneThenDeleteSourceTest {
  private static final String SOURCE = "A";
  private static final String CLONE = "B";
  private static final String SOURCE_LOCK = SOURCE + "-delete_volume";

  /**
   * Intent: with etcd locks, a delete of A issued while B is being cloned from A waits for the
   * clone and then deletes A. Create A; once it is available, create B from A; as soon as the
   * clone holds A's delete lock, delete A. Both requests are accepted; the delete asks for the
   * lock before the clone releases it and gets it only after; the array never deletes A while
   * the 20 s copy reads it; B ends available and A deleted.
   */
  @Test
  void etcdLocks_deleteWaitsForTheClone_thenDeletesTheSource() {
    RunbookDeployment deployment = RunbookDeployment.start(
        RunbookKnobs.cinderToday().withCoordination(CoordinationBackend.ETCD));
    Story story = cloneThenDelete(deployment);

    assertThat(story.cloneAccepted.answer().code()).isEqualTo(ApiResponse.Code.ACCEPTED);
    assertThat(story.deleteAccepted.answer().code()).isEqualTo(ApiResponse.Code.ACCEPTED);
    deployment.runUntil("B available and A deleted", () -> "available".equals(deployment.status(CLONE))
        && deployment.volume(SOURCE).isTrue("deleted"), seconds(120));

    LockEvent cloneRelease = only(deployment, LockEvent.Kind.RELEASED, story.cloneNode);
    NodeId deleteNode = deleteCall(deployment).call().caller();
    LockEvent deleteRequest = only(deployment, LockEvent.Kind.ACQUIRE_REQUESTED, deleteNode, 1);
    LockEvent deleteGrant = only(deployment, LockEvent.Kind.GRANTED, deleteNode, 1);
    assertThat(deleteRequest.trueTimeNanos()).as("the delete asked for A's lock while the clone held it")
        .isLessThan(cloneRelease.trueTimeNanos());
    assertThat(deleteGrant.trueTimeNanos()).as("and got it only after the clone released it")
        .isGreaterThanOrEqualTo(cloneRelease.trueTimeNanos());
    IoLogEntry copy = cloneCall(deployment);
    assertThat(copy.endNanos() - copy.startNanos()).isEqualTo(seconds(20));
    assertThat(deleteCall(deployment).startNanos()).as("the array deleted A after the copy of A ended")
        .isGreaterThanOrEqualTo(copy.endNanos());
    assertThat(SourceProtectionProperty.check(deployment.artifacts()).status()).isEqualTo(PropertyStatus.HOLDS);
    var queuedDeletes = QueuedDeletesProperty.check(deployment.artifacts());
    assertThat(queuedDeletes.status()).as(queuedDeletes.summary()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(queuedDeletes.summary()).startsWith("1 queued deletes");
  }

  /**
   * Intent: the contrast, Cinder's default {@code file://} locks on a two-node cluster, where
   * round robin hands the clone and the delete to different nodes. Each node's file lock is its
   * own, so the delete does not wait: the array deletes A while the copy reads it, and S2 is
   * violated with that pair as witness.
   */
  @Test
  void fileLocks_onTwoNodes_deleteRunsUnderTheClone_violatingSourceProtection() {
    RunbookDeployment deployment = RunbookDeployment.start(RunbookKnobs.cinderToday().withVolumeNodes(2));
    Story story = cloneThenDelete(deployment);
    deployment.runUntil("A deleted", () -> deployment.volume(SOURCE).isTrue("deleted"), seconds(120));
    deployment.runUntil(seconds(120));

    IoLogEntry copy = cloneCall(deployment);
    IoLogEntry delete = deleteCall(deployment);
    assertThat(delete.call().caller()).as("the delete ran on the other node").isNotEqualTo(story.cloneNode);
    assertThat(delete.overlaps(copy)).as("A was deleted while B's copy read it: %s | %s", copy, delete).isTrue();
    var sourceProtection = SourceProtectionProperty.check(deployment.artifacts());
    assertThat(sourceProtection.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(sourceProtection.witness()).hasSize(1);
    assertThat(deployment.status(CLONE)).as("the copy lost its source").isEqualTo("error");
  }

  /**
   * Intent: the other ordering §7.6 allows. A delete sent the moment B's create is answered
   * overtakes the clone, whose job still has the scheduler and three statements ahead of it: the
   * delete takes A's lock first and deletes A; the clone, waiting on the lock meanwhile, then
   * finds its source gone and B ends {@code error}. The array never starts a copy, so S2 has
   * nothing to judge.
   */
  @Test
  void etcdLocks_deleteSentOnTheClonesAnswer_winsTheLock_cloneEndsInError() {
    RunbookDeployment deployment = RunbookDeployment.start(
        RunbookKnobs.cinderToday().withCoordination(CoordinationBackend.ETCD));
    deployment.send(RunbookDeployment.WARMED_UP_NANOS, VolumeRequest.Create.empty(SOURCE, "lvm"));
    long available = deployment.awaitStatus(SOURCE, "available", seconds(40));
    Reply<ApiResponse> clone = deployment.send(available, new VolumeRequest.Create(CLONE, "lvm", SOURCE, null));
    deployment.runUntil("the clone's 202", clone::isAnswered, available + seconds(5));
    deployment.send(deployment.nowNanos(), new VolumeRequest.Delete(SOURCE, false));
    deployment.awaitStatus(CLONE, "error", available + seconds(30));

    NodeId deleteNode = deleteCall(deployment).call().caller();
    LockEvent deleteRelease = only(deployment, LockEvent.Kind.RELEASED, deleteNode);
    LockEvent cloneGrant = grants(deployment).get(1);
    assertThat(cloneGrant.holder()).isNotEqualTo(deleteNode);
    assertThat(only(deployment, LockEvent.Kind.ACQUIRE_REQUESTED, cloneGrant.holder(), 1).trueTimeNanos())
        .as("the clone asked for A's lock while the delete held it").isLessThan(deleteRelease.trueTimeNanos());
    assertThat(cloneGrant.trueTimeNanos()).isGreaterThanOrEqualTo(deleteRelease.trueTimeNanos());
    assertThat(deployment.volume(SOURCE).isTrue("deleted")).isTrue();
    assertThat(deployment.storageLog().entries()).noneMatch(entry -> entry.call().operation().readsSource());
    assertThat(SourceProtectionProperty.check(deployment.artifacts()).status())
        .isEqualTo(PropertyStatus.NOT_EXERCISED);
  }

  /** What the script did: the two requests' replies and the node whose clone holds A's lock. */
  private record Story(Reply<ApiResponse> cloneAccepted, Reply<ApiResponse> deleteAccepted, NodeId cloneNode) {}

  /** Create A and wait for it; create B from A; once the clone holds A's lock, delete A. */
  private static Story cloneThenDelete(RunbookDeployment deployment) {
    deployment.send(RunbookDeployment.WARMED_UP_NANOS, VolumeRequest.Create.empty(SOURCE, "lvm"));
    long available = deployment.awaitStatus(SOURCE, "available", seconds(40));
    Reply<ApiResponse> clone = deployment.send(available, new VolumeRequest.Create(CLONE, "lvm", SOURCE, null));
    deployment.stepUntil("the clone holds " + SOURCE_LOCK, () -> !grants(deployment).isEmpty(), seconds(50));
    NodeId cloneNode = grants(deployment).get(0).holder();
    Reply<ApiResponse> delete = deployment.send(deployment.nowNanos(), new VolumeRequest.Delete(SOURCE, false));
    deployment.runUntil("both answered", () -> clone.isAnswered() && delete.isAnswered(), seconds(55));
    return new Story(clone, delete, cloneNode);
  }

  private static List<LockEvent> grants(RunbookDeployment deployment) {
    return deployment.lockLog().eventsFor(SOURCE_LOCK).stream()
        .filter(event -> event.kind() == LockEvent.Kind.GRANTED).toList();
  }

  private static LockEvent only(RunbookDeployment deployment, LockEvent.Kind kind, NodeId holder) {
    return only(deployment, kind, holder, 0);
  }

  /** The {@code index}-th event of this kind on A's lock, counting every holder's. */
  private static LockEvent only(RunbookDeployment deployment, LockEvent.Kind kind, NodeId holder, int index) {
    List<LockEvent> events = deployment.lockLog().eventsFor(SOURCE_LOCK).stream()
        .filter(event -> event.kind() == kind).toList();
    assertThat(events).as("%s of %s", kind, SOURCE_LOCK).hasSizeGreaterThan(index);
    assertThat(events.get(index).holder()).isEqualTo(holder);
    return events.get(index);
  }

  private static IoLogEntry cloneCall(RunbookDeployment deployment) {
    return single(deployment, StorageOperation.CLONE_VOLUME, CLONE);
  }

  private static IoLogEntry deleteCall(RunbookDeployment deployment) {
    return single(deployment, StorageOperation.DELETE_VOLUME, SOURCE);
  }

  private static IoLogEntry single(RunbookDeployment deployment, StorageOperation operation, String target) {
    List<IoLogEntry> calls = deployment.storageLog().entries().stream()
        .filter(entry -> entry.call().operation() == operation && entry.call().target().equals(target)).toList();
    assertThat(calls).as("%s %s calls", operation, target).hasSize(1);
    return calls.get(0);
  }
}

package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.api.ApiResponse;
import io.cvolsim.model.api.VolumeRequest;
import io.cvolsim.model.dlm.LockEvent;
import io.cvolsim.scenarios.runbook.ScriptedClient.Reply;
import java.util.List;

/**
 * Runbook 5's script, shared with runbook 18: create A; clone B from A; freeze the clone's node
 * for 45 s, starting 2 s after it is granted {@code A-delete_volume}; delete A 1 s into the
 * freeze, which round robin hands to the other node.
 */
final class CloneUnderFrozenHolder {
  static final String SOURCE = "A";
  static final String CLONE = "B";
  static final String SOURCE_LOCK = SOURCE + "-delete_volume";
  static final long PAUSE_NANOS = seconds(45);

  /** The run at its end, who held, who froze when, who deleted, and the delete's answer. */
  record Freeze(RunbookDeployment deployment, NodeId holder, NodeId deleteNode, long pausedAtNanos,
      long resumedAtNanos, Reply<ApiResponse> delete) {}

  private CloneUnderFrozenHolder() {}

  /** Runs the script on a started deployment until a minute after the thaw. */
  static Freeze run(RunbookDeployment deployment) {
    deployment.send(RunbookDeployment.WARMED_UP_NANOS, VolumeRequest.Create.empty(SOURCE, "lvm"));
    long available = deployment.awaitStatus(SOURCE, "available", seconds(40));
    deployment.send(available, new VolumeRequest.Create(CLONE, "lvm", SOURCE, null));
    deployment.stepUntil("the clone holds " + SOURCE_LOCK,
        () -> !events(deployment, LockEvent.Kind.GRANTED).isEmpty(), available + seconds(10));
    NodeId holder = events(deployment, LockEvent.Kind.GRANTED).get(0).holder();
    long pausedAt = deployment.nowNanos() + seconds(2);
    long resumedAt = pausedAt + PAUSE_NANOS;
    deployment.at(pausedAt, "freeze " + holder, () -> deployment.pause(holder));
    deployment.at(resumedAt, "thaw " + holder, () -> deployment.resume(holder));
    Reply<ApiResponse> delete = deployment.send(pausedAt + seconds(1), new VolumeRequest.Delete(SOURCE, false));
    deployment.runUntil(resumedAt + seconds(60));
    List<LockEvent> requests = events(deployment, LockEvent.Kind.ACQUIRE_REQUESTED);
    NodeId deleteNode = requests.get(requests.size() - 1).holder();
    assertThat(deleteNode).as("round robin gave the delete to the other node").isNotEqualTo(holder);
    return new Freeze(deployment, holder, deleteNode, pausedAt, resumedAt, delete);
  }

  /** The lock log's entries of one kind for {@code A-delete_volume}, in order. */
  static List<LockEvent> events(RunbookDeployment deployment, LockEvent.Kind kind) {
    return deployment.lockLog().eventsFor(SOURCE_LOCK).stream().filter(event -> event.kind() == kind).toList();
  }
}

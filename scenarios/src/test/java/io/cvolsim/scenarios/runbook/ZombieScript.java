package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.api.VolumeRequest;
import io.cvolsim.model.storage.IoLogEntry;
import io.cvolsim.model.storage.StorageOperation;
import java.util.List;

/**
 * The zombie of reference §6, shared by runbooks 6 and 7: on a two-node cluster, the c-vol
 * cloning B from A (a 40 s copy) is cut off from the database alone two seconds into the copy.
 * It keeps its broker, DLM and array; it can no longer heartbeat or record anything.
 */
final class ZombieScript {
  static final String SOURCE = "A";
  static final String CLONE = "B";
  /** Two volumes to attach later: round robin on two members hands one attach to each. */
  static final List<String> ATTACHABLE = List.of("C1", "C2");
  final RunbookDeployment deployment;
  final NodeId zombie;
  final NodeId healthy;
  final long cutAtNanos;

  private ZombieScript(RunbookDeployment deployment, NodeId zombie, long cutAtNanos) {
    this.deployment = deployment;
    this.zombie = zombie;
    this.healthy = zombie.equals(deployment.volumeNode(1)) ? deployment.volumeNode(2) : deployment.volumeNode(1);
    this.cutAtNanos = cutAtNanos;
  }

  /** Creates A, C1 and C2; clones B from A; cuts the cloning node from the database 2 s in. */
  static ZombieScript cutTheCloningNode(RunbookKnobs knobs) {
    RunbookDeployment deployment = RunbookDeployment.start(knobs.withVolumeNodes(2).withCopy(seconds(40)));
    long at = RunbookDeployment.WARMED_UP_NANOS;
    deployment.send(at, VolumeRequest.Create.empty(SOURCE, "lvm"));
    deployment.send(at + seconds(1), VolumeRequest.Create.empty(ATTACHABLE.get(0), "lvm"));
    deployment.send(at + seconds(2), VolumeRequest.Create.empty(ATTACHABLE.get(1), "lvm"));
    deployment.runUntil("A, C1 and C2 available", () -> List.of(SOURCE, ATTACHABLE.get(0), ATTACHABLE.get(1))
        .stream().allMatch(id -> "available".equals(deployment.status(id))), seconds(40));
    deployment.send(deployment.nowNanos(), new VolumeRequest.Create(CLONE, "lvm", SOURCE, null));
    deployment.runUntil("the clone runs on the array", () -> !calls(deployment, StorageOperation.CLONE_VOLUME).isEmpty(),
        seconds(50));
    NodeId zombie = calls(deployment, StorageOperation.CLONE_VOLUME).get(0).call().caller();
    long cutAt = deployment.nowNanos() + seconds(2);
    deployment.at(cutAt, "cut " + zombie + " from the database", () -> deployment.cutFromDatabase(zombie));
    deployment.runUntil(cutAt);
    return new ZombieScript(deployment, zombie, cutAt);
  }

  /** Attaches C1 and C2 at {@code atNanos}; one of the two attach jobs reaches the zombie. */
  void attachBoth(long atNanos) {
    deployment.send(atNanos, new VolumeRequest.Reserve(ATTACHABLE.get(0)));
    deployment.send(atNanos, new VolumeRequest.Reserve(ATTACHABLE.get(1)), deployment.apiNode(2));
  }

  /** The zombie's array calls of this kind that started after {@code afterNanos}. */
  List<IoLogEntry> zombieCalls(StorageOperation operation, long afterNanos) {
    return calls(deployment, operation).stream()
        .filter(entry -> entry.call().caller().equals(zombie) && entry.startNanos() > afterNanos).toList();
  }

  IoLogEntry cloneCall() {
    List<IoLogEntry> clones = calls(deployment, StorageOperation.CLONE_VOLUME);
    assertThat(clones).hasSize(1);
    return clones.get(0);
  }

  long updatedAt(NodeId node) {
    return deployment.service(node).longValue("updated_at", 0);
  }

  private static List<IoLogEntry> calls(RunbookDeployment deployment, StorageOperation operation) {
    return deployment.storageLog().entries().stream().filter(entry -> entry.call().operation() == operation).toList();
  }
}

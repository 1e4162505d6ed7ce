package io.cvolsim.scenarios.deployment;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.sim.NodeState;
import io.cvolsim.kernel.sim.Simulation;
import io.cvolsim.model.dlm.CoordinationBackend;
import io.cvolsim.model.dlm.LockLog;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.model.storage.PowerSwitch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The harness's hands on nodes: crash (recording file-lock release and the process's death for the
 * properties), restart, resume,
 * and the power switch model code asks for (STONITH, self-fencing), which records who was fenced
 * and when for the properties.
 */
public final class NodeControl implements PowerSwitch {
  /** {@link #pause}'s answer when there was nothing to stall. */
  public static final long NO_STALL = 0;

  private final Simulation simulation;
  private final CoordinationBackend backend;
  private final LockLog lockLog;
  private final ServiceLog serviceLog;
  private final SortedMap<String, Long> fencedAtNanos = new TreeMap<>();
  private final SortedMap<String, Long> fenceEndedAtNanos = new TreeMap<>();
  private final List<NodeId> retired = new ArrayList<>();
  /** Each node lost for good, to the machine that joined in its place. */
  private final SortedMap<NodeId, NodeId> replacementOf = new TreeMap<>();
  private final List<NodeId> replacementsStarted = new ArrayList<>();
  /** The stalls of each paused node, by id: it runs again when the last of them ends. */
  private final SortedMap<NodeId, SortedSet<Long>> stallsByNode = new TreeMap<>();
  private long lastStallId;
  private UnaryOperator<NodeId> replacements = node -> {
    throw new IllegalStateException("this world cannot replace " + node);
  };

  public NodeControl(Simulation simulation, CoordinationBackend backend, LockLog lockLog, ServiceLog serviceLog) {
    this.simulation = simulation;
    this.serviceLog = serviceLog;
    this.backend = backend;
    this.lockLog = lockLog;
  }

  public void crash(NodeId node) {
    if (simulation.state(node) == NodeState.CRASHED) {
      return;
    }
    stallsByNode.remove(node);
    simulation.crash(node);
    serviceLog.processDied(node.name());
    if (backend.freedAtProcessDeath()) {
      lockLog.recordProcessDeath(node);
    }
  }

  /** How this world brings up a new machine in place of a lost one; answers the new node. */
  public void replaceWith(UnaryOperator<NodeId> replacementStarter) {
    this.replacements = replacementStarter;
  }

  /** A lost machine: never restarted, not even by the heal phase. */
  public void retire(NodeId node) {
    if (!retired.contains(node)) {
      retired.add(node);
    }
  }

  /** Starts a new machine in the retired node's cluster, under a new host name. */
  public NodeId startReplacement(NodeId lost) {
    NodeId replacement = replacements.apply(lost);
    replacementOf.put(lost, replacement);
    replacementsStarted.add(replacement);
    serviceLog.processStarted(replacement.name());
    simulation.probes().hit("fault.replacement-joined");
    return replacement;
  }

  /** The process that now stands in for {@code node}: its replacement's, if it was replaced. */
  public NodeId occupant(NodeId node) {
    NodeId now = node;
    while (replacementOf.containsKey(now)) {
      now = replacementOf.get(now);
    }
    return now;
  }

  /** The machines started in place of lost ones, in the order they joined. */
  public List<NodeId> replacementsStarted() {
    return List.copyOf(replacementsStarted);
  }

  public void restartIfCrashed(NodeId node) {
    if (simulation.state(node) == NodeState.CRASHED && !retired.contains(node)) {
      if (fencedAtNanos.containsKey(node.name())) {
        fenceEndedAtNanos.putIfAbsent(node.name(), simulation.nowNanos());
      }
      simulation.restart(node);
      serviceLog.processStarted(node.name());
    }
  }

  /**
   * One fault stalls the node (a GC pause, a hung path); faults that overlap each last as drawn.
   * Answers the stall's id for {@link #endPause}, or {@link #NO_STALL} for a crashed node.
   */
  public long pause(NodeId node) {
    if (simulation.state(node) == NodeState.CRASHED) {
      return NO_STALL; // nothing to stall; a restart must not find the stall waiting
    }
    long stall = ++lastStallId;
    stallsByNode.computeIfAbsent(node, ignored -> new TreeSet<>()).add(stall);
    simulation.pause(node);
    return stall;
  }

  /**
   * One fault's stall ends; the node runs again only when no other fault still stalls it. A stall
   * the node's crash already ended ends nothing, not even a stall of its next process.
   */
  public void endPause(NodeId node, long stall) {
    SortedSet<Long> stalls = stallsByNode.get(node);
    if (stalls == null || !stalls.remove(stall)) {
      return;
    }
    if (stalls.isEmpty()) {
      resumeIfPaused(node);
    }
  }

  /** Every stall ends now (the heal phase). */
  public void resumeIfPaused(NodeId node) {
    stallsByNode.remove(node);
    if (simulation.state(node) == NodeState.PAUSED) {
      simulation.resume(node);
    }
  }

  /** Sets a node's clock drift, noting a slow clock for heartbeat recovery (L5): its timers run late. */
  public void setClockDrift(NodeId node, long driftPpm) {
    simulation.setClockDrift(node, driftPpm);
    if (driftPpm < 0) {
      serviceLog.clockSlowed(node.name());
    }
  }

  /** Marks, for heartbeat recovery (L5), that a node has all its links back; only if it runs. */
  public void markReconnectedIfRunning(NodeId node) {
    if (simulation.state(node) == NodeState.RUNNING) {
      serviceLog.reconnected(node.name());
    }
  }

  @Override
  public void powerOff(NodeId requestedBy, NodeId target, long delayNanos) {
    if (!simulation.nodeIds().contains(target)) {
      // A services row's host names no single node (V5's shared host): nothing to power off.
      simulation.probes().hit("fencing.no-such-node");
      return;
    }
    // Even "at once" happens as the next event, after the requesting handler has returned.
    simulation.scheduleAt(simulation.nowNanos() + delayNanos, "power off " + target + " (asked by " + requestedBy + ")",
        () -> {
          fencedAtNanos.putIfAbsent(target.name(), simulation.nowNanos());
          crash(target);
        });
  }

  /** A process that shut down gracefully ends: as a crash, but nobody fenced it. */
  @Override
  public void exit(NodeId self) {
    simulation.scheduleAt(simulation.nowNanos(), "exit " + self, () -> crash(self));
  }

  public SortedMap<String, Long> fenceEndedAtNanos() {
    return Collections.unmodifiableSortedMap(fenceEndedAtNanos);
  }

  public SortedMap<String, Long> fencedAtNanos() {
    return Collections.unmodifiableSortedMap(fencedAtNanos);
  }
}

package io.cvolsim.scenarios.deployment;

import io.cvolsim.kernel.api.Choices;
import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.sim.Simulation;
import io.cvolsim.model.workers.WorkerEvent;
import io.cvolsim.model.workers.WorkerLog;
import io.cvolsim.scenarios.swarm.FaultKind;
import java.util.List;

/**
 * The fault schedule of the deployment scenario, drawn from the run's choices as it goes: c-vol
 * crashes (restarted later, or left dead until the heal phase), pauses (each landing at its
 * target's next workers claim, at most {@code nemesis.pause_max} long), and partitions of one
 * c-vol from the database, the broker or the DLM. Stalls and cuts from the DLM keep within
 * {@code nemesis.dlm_silence_max}. Everything heals when the window closes.
 */
public final class DeploymentNemesis {
  /** The kinds it draws from, in the order its draws index them. */
  public static final List<FaultKind> KINDS = List.of(FaultKind.CRASH, FaultKind.PAUSE, FaultKind.CUT_FROM_DB,
      FaultKind.CUT_FROM_BROKER, FaultKind.CUT_FROM_DLM);
  private static final long CLAIM_WAIT_NANOS = Durations.seconds(20);
  private final Simulation simulation;
  private final DeploymentTopology topology;
  private final NodeControl control;
  private final DeploymentPhases phases;
  private final WorkerLog workerLog;
  private final long pauseMaxNanos;
  private final DlmSilenceBudget dlmSilences;
  /** Kinds the run's fault assumptions rule out: drawn as ever, then not injected. */
  private final List<FaultKind> assumedAbsent;

  DeploymentNemesis(Simulation simulation, DeploymentTopology topology, NodeControl control,
      DeploymentPhases phases, WorkerLog workerLog, long pauseMaxNanos, DlmSilenceBudget dlmSilences,
      List<FaultKind> assumedAbsent) {
    this.assumedAbsent = List.copyOf(assumedAbsent);
    this.dlmSilences = dlmSilences;
    this.workerLog = workerLog;
    this.pauseMaxNanos = pauseMaxNanos;
    this.simulation = simulation;
    this.topology = topology;
    this.control = control;
    this.phases = phases;
  }

  /**
   * Each fault is drawn when it starts, not all up front: a shorter window then replays a prefix
   * of the same draws, so shrinking {@code run.duration} keeps the rest of the run as it was.
   */
  void schedule() {
    long first = simulation.choices().durationNanos("nemesis.first-fault", Durations.seconds(5), Durations.seconds(20));
    next(first);
  }

  private void next(long atNanos) {
    if (atNanos >= phases.faultWindowEndNanos()) {
      return;
    }
    simulation.scheduleAt(atNanos, "nemesis: draw a fault", () -> {
      Choices choices = simulation.choices();
      scheduleOne(choices, atNanos);
      next(atNanos + choices.durationNanos("nemesis.gap", Durations.seconds(10), Durations.seconds(40)));
    });
  }

  private void scheduleOne(Choices choices, long atNanos) {
    FaultKind kind = choices.oneOf("nemesis.kind", KINDS);
    NodeId node = choices.oneOf("nemesis.target", topology.volumeNodes());
    long lengthNanos = choices.durationNanos("nemesis.length", Durations.seconds(5), Durations.seconds(100));
    long endNanos = Math.min(atNanos + lengthNanos, phases.faultWindowEndNanos());
    if (assumedAbsent.contains(kind)) {
      return;
    }
    switch (kind) {
      case CRASH -> {
        at(atNanos, "crash " + node, counted(kind, () -> control.crash(node)));
        if (!choices.chance("nemesis.crash-is-permanent", io.cvolsim.kernel.api.Ratio.percent(30))) {
          at(endNanos, "restart " + node, () -> control.restartIfCrashed(node));
        }
      }
      case PAUSE -> pauseAtNextClaim(node, atNanos, Math.min(lengthNanos, pauseMaxNanos));
      default -> partition(node, kind, atNanos, endNanos);
    }
  }

  /**
   * A stall lands where it hurts: the target is paused the moment it next claims a workers row
   * (between the claim and its array call, as a GC pause or a hung storage path would), or when
   * {@link #CLAIM_WAIT_NANOS} pass without one. It lasts its drawn length from then, ended at the
   * latest by the heal phase. Without the wait, a stall almost never caught a node mid-operation,
   * so a zombie (reference §6) was never reached.
   */
  private void pauseAtNextClaim(NodeId node, long atNanos, long lengthNanos) {
    boolean[] armed = {false};
    long[] stall = {NodeControl.NO_STALL};
    Runnable countedPause = counted(FaultKind.PAUSE, () -> stall[0] = control.pause(node));
    Runnable pause = () -> {
      armed[0] = false;
      long nowNanos = simulation.nowNanos();
      long resumeNanos = dlmSilences.allow(node, nowNanos,
          Math.min(nowNanos + lengthNanos, phases.faultWindowEndNanos()));
      if (resumeNanos > nowNanos) {
        countedPause.run();
        long thisStall = stall[0];
        at(resumeNanos, "resume " + node, () -> control.endPause(node, thisStall));
      }
    };
    workerLog.observe(event -> {
      if (armed[0] && event.node().equals(node.name()) && (event.kind() == WorkerEvent.Kind.SET
          || event.kind() == WorkerEvent.Kind.CREATED || event.kind() == WorkerEvent.Kind.TAKEN_OVER)) {
        armed[0] = false;
        at(simulation.nowNanos(), "pause " + node + " as it claims " + event.row().resourceId(), pause);
      }
    });
    at(atNanos, "arm: pause " + node + " at its next claim", () -> armed[0] = true);
    long deadlineNanos = Math.min(atNanos + CLAIM_WAIT_NANOS, phases.faultWindowEndNanos());
    at(deadlineNanos, "pause " + node + " now, unless a claim did", () -> {
      if (armed[0]) {
        pause.run();
      }
    });
  }

  private void partition(NodeId node, FaultKind kind, long atNanos, long endNanos) {
    NodeId other = switch (kind) {
      case CUT_FROM_DB -> topology.database();
      case CUT_FROM_BROKER -> topology.broker();
      default -> topology.coordination();
    };
    long healNanos = other.equals(topology.coordination()) ? dlmSilences.allow(node, atNanos, endNanos) : endNanos;
    if (healNanos <= atNanos) {
      return;
    }
    at(atNanos, "partition " + node + " from " + other,
        counted(kind, () -> simulation.network().blockBoth(node, other)));
    at(healNanos, "heal " + node + " and " + other, () -> {
      simulation.network().heal(node, other);
      simulation.network().heal(other, node);
    });
  }

  private void at(long timeNanos, String label, Runnable action) {
    simulation.scheduleAt(timeNanos, "nemesis: " + label, action);
  }

  /** Marks that a fault of this kind was injected, so sweeps can show the fault kinds they covered. */
  private Runnable counted(FaultKind kind, Runnable action) {
    return () -> {
      simulation.probes().hit(kind.probe());
      action.run();
    };
  }
}

package io.cvolsim.scenarios.swarm;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Ratio;
import io.cvolsim.kernel.sim.LinkProfile;
import io.cvolsim.kernel.sim.Simulation;
import io.cvolsim.model.rpc.ServiceSignal;
import io.cvolsim.scenarios.deployment.NodeControl;
import java.util.List;
import java.util.function.Consumer;

/**
 * Starts one fault now and schedules its end, unless the end falls after the fault window: the
 * heal phase then ends it, and a crashed node stays down until the heal phase's late restart, as
 * a lost machine would.
 */
final class FaultInjection {
  private final Simulation simulation;
  private final NodeControl control;
  private final SwarmTargets targets;
  private final LinkProfile baseProfile;
  private final Consumer<Ratio> deadlockRatio;

  FaultInjection(Simulation simulation, NodeControl control, SwarmTargets targets, LinkProfile baseProfile,
      Consumer<Ratio> deadlockRatio) {
    this.deadlockRatio = deadlockRatio;
    this.simulation = simulation;
    this.control = control;
    this.targets = targets;
    this.baseProfile = baseProfile;
  }

  void start(SwarmFault fault) {
    if (fault instanceof SwarmFault.Crash crash) {
      control.crash(crash.node());
      endWithinWindow(crash.downForNanos(), "restart " + crash.node(), () -> control.restartIfCrashed(crash.node()));
    } else if (fault instanceof SwarmFault.Drain drain) {
      simulation.signal(drain.node(), new ServiceSignal.Terminate());
      endWithinWindow(drain.downForNanos(), "start " + drain.node() + " again",
          () -> control.restartIfCrashed(drain.node()));
    } else if (fault instanceof SwarmFault.DeadlockBurst burst) {
      deadlockRatio.accept(burst.ratio());
      endAtLatestAtWindowEnd(burst.lengthNanos(), "no more deadlock aborts", () -> deadlockRatio.accept(Ratio.ZERO));
    } else if (fault instanceof SwarmFault.Replace replace) {
      control.retire(replace.node());
      control.crash(replace.node());
      endAtLatestAtWindowEnd(replace.downForNanos(), "a replacement for " + replace.node() + " joins",
          () -> control.startReplacement(replace.node()));
    } else if (fault instanceof SwarmFault.Pause pause) {
      long lengthNanos = silentFor(List.of(pause.node()), pause.lengthNanos());
      if (lengthNanos > 0) {
        control.pause(pause.node());
        endAtLatestAtWindowEnd(lengthNanos, "resume " + pause.node(), () -> control.endPause(pause.node()));
      }
    } else if (fault instanceof SwarmFault.Cut cut) {
      long lengthNanos = targets.coordination().filter(cut.other()::equals).isPresent()
          ? silentFor(List.of(cut.node()), cut.lengthNanos()) : cut.lengthNanos();
      if (lengthNanos > 0) {
        simulation.network().blockBoth(cut.node(), cut.other());
        endAtLatestAtWindowEnd(lengthNanos, "heal " + cut.node() + " and " + cut.other(),
            () -> healBoth(cut.node(), cut.other()));
      }
    } else if (fault instanceof SwarmFault.Split split) {
      long lengthNanos = silentFor(cutFromCoordination(split), split.lengthNanos());
      if (lengthNanos > 0) {
        crossLinks(split, true);
        endAtLatestAtWindowEnd(lengthNanos, "heal split", () -> crossLinks(split, false));
      }
    } else if (fault instanceof SwarmFault.LinkBurst burst) {
      startBurst(burst);
    } else if (fault instanceof SwarmFault.ClockSkew skew) {
      simulation.setClockOffset(skew.node(), skew.offsetNanos());
    } else if (fault instanceof SwarmFault.ClockDrift drift) {
      control.setClockDrift(drift.node(), drift.driftPpm());
      // The heal phase resets offsets only; drift stops with the window too.
      simulation.scheduleAt(targets.faultWindowEndNanos(), "swarm: " + drift.node() + "'s clock drift stops",
          () -> simulation.setClockDrift(drift.node(), 0));
    } else if (fault instanceof SwarmFault.SlowStorage slow) {
      startSlowStorage(slow);
    } else {
      throw new IllegalArgumentException("admin actions are the operator node's: " + fault);
    }
  }

  /** How long these nodes may go without the DLM from now, at most {@code lengthNanos}; 0: not at all. */
  private long silentFor(List<NodeId> nodes, long lengthNanos) {
    long nowNanos = simulation.nowNanos();
    long endNanos = Math.min(nowNanos + lengthNanos, targets.faultWindowEndNanos());
    return nodes.isEmpty() ? lengthNanos : targets.dlmSilences().allowAll(nodes, nowNanos, endNanos) - nowNanos;
  }

  /** The services a split puts on the side without the DLM. */
  private List<NodeId> cutFromCoordination(SwarmFault.Split split) {
    if (targets.coordination().isEmpty()) {
      return List.of();
    }
    List<NodeId> otherSide = split.sideA().contains(targets.coordination().get()) ? split.sideB() : split.sideA();
    return otherSide.stream().filter(targets.services()::contains).toList();
  }

  private void startBurst(SwarmFault.LinkBurst burst) {
    if (burst.kind() == FaultKind.LOSS_BURST) {
      simulation.network().setDefaultProfile(new LinkProfile(baseProfile.latencyMinNanos(),
          baseProfile.latencyMaxNanos(), burst.ratio(), baseProfile.duplicateRatio()));
      endAtLatestAtWindowEnd(burst.lengthNanos(), "loss burst ends",
          () -> simulation.network().setDefaultProfile(baseProfile));
      return;
    }
    LinkProfile duplicating = new LinkProfile(baseProfile.latencyMinNanos(), baseProfile.latencyMaxNanos(),
        baseProfile.lossRatio(), burst.ratio());
    for (NodeId volumeNode : targets.volumeNodes()) {
      simulation.network().setProfile(targets.broker(), volumeNode, duplicating);
    }
    endAtLatestAtWindowEnd(burst.lengthNanos(), "redelivery burst ends", () -> {
      for (NodeId volumeNode : targets.volumeNodes()) {
        simulation.network().setProfile(targets.broker(), volumeNode, baseProfile);
      }
    });
  }

  private void startSlowStorage(SwarmFault.SlowStorage slow) {
    LinkProfile slowLink = new LinkProfile(slow.latencyNanos(), slow.latencyNanos() + baseProfile.latencyMaxNanos(),
        Ratio.ZERO, Ratio.ZERO);
    simulation.network().setProfile(slow.node(), targets.storage(), slowLink);
    simulation.network().setProfile(targets.storage(), slow.node(), slowLink);
    endAtLatestAtWindowEnd(slow.lengthNanos(), "storage fast again for " + slow.node(), () -> {
      simulation.network().setProfile(slow.node(), targets.storage(), baseProfile);
      simulation.network().setProfile(targets.storage(), slow.node(), baseProfile);
    });
  }

  private void crossLinks(SwarmFault.Split split, boolean block) {
    for (NodeId a : split.sideA()) {
      for (NodeId b : split.sideB()) {
        if (block) {
          simulation.network().blockBoth(a, b);
        } else {
          healBoth(a, b);
        }
      }
    }
  }

  private void healBoth(NodeId a, NodeId b) {
    simulation.network().heal(a, b);
    simulation.network().heal(b, a);
  }

  /** Ends the fault after its length, or when the window closes if that comes first. */
  private void endAtLatestAtWindowEnd(long lengthNanos, String label, Runnable end) {
    long endNanos = Math.min(simulation.nowNanos() + lengthNanos, targets.faultWindowEndNanos());
    simulation.scheduleAt(endNanos, "swarm: " + label, end);
  }

  /** Ends the fault after its length only if that is inside the window; else the heal phase does. */
  private void endWithinWindow(long lengthNanos, String label, Runnable end) {
    long endNanos = simulation.nowNanos() + lengthNanos;
    if (endNanos < targets.faultWindowEndNanos()) {
      simulation.scheduleAt(endNanos, "swarm: " + label, end);
    }
  }
}

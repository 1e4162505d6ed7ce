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
  /** One direction of one link. */
  record Link(NodeId from, NodeId to) implements Comparable<Link> {
    @Override
    public int compareTo(Link other) {
      int byFrom = from.compareTo(other.from);
      return byFrom != 0 ? byFrom : to.compareTo(other.to);
    }
  }

  /** The knobs faults of one run share, so that overlapping faults on one knob each last as drawn. */
  record SharedKnobs(LinkProfile baseProfile, FaultLayers<Link, LinkProfile> linkProfiles,
      FaultLayers<String, LinkProfile> everyLink, FaultLayers<String, Ratio> deadlockRatio) {
    static final String EVERY_LINK = "every link";
    static final String DATABASE = "database";

    static SharedKnobs of(Simulation simulation, LinkProfile baseProfile, Consumer<Ratio> deadlockRatio) {
      return new SharedKnobs(baseProfile,
          new FaultLayers<>(baseProfile, (link, profile) -> simulation.network().setProfile(link.from(), link.to(),
              profile)),
          new FaultLayers<>(baseProfile, (ignored, profile) -> simulation.network().setDefaultProfile(profile)),
          new FaultLayers<>(Ratio.ZERO, (ignored, ratio) -> deadlockRatio.accept(ratio)));
    }
  }

  private final Simulation simulation;
  private final NodeControl control;
  private final SwarmTargets targets;
  private final SharedKnobs knobs;
  private final LinkProfile baseProfile;

  FaultInjection(Simulation simulation, NodeControl control, SwarmTargets targets, SharedKnobs knobs) {
    this.simulation = simulation;
    this.control = control;
    this.targets = targets;
    this.knobs = knobs;
    this.baseProfile = knobs.baseProfile();
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
      long layer = knobs.deadlockRatio().begin(SharedKnobs.DATABASE, burst.ratio());
      endAtLatestAtWindowEnd(burst.lengthNanos(), "no more deadlock aborts",
          () -> knobs.deadlockRatio().end(SharedKnobs.DATABASE, layer));
    } else if (fault instanceof SwarmFault.Replace replace) {
      control.retire(replace.node());
      control.crash(replace.node());
      endAtLatestAtWindowEnd(replace.downForNanos(), "a replacement for " + replace.node() + " joins",
          () -> control.startReplacement(replace.node()));
    } else if (fault instanceof SwarmFault.Pause pause) {
      long lengthNanos = silentFor(List.of(pause.node()), pause.lengthNanos());
      if (lengthNanos > 0) {
        long stall = control.pause(pause.node());
        endAtLatestAtWindowEnd(lengthNanos, "resume " + pause.node(), () -> control.endPause(pause.node(), stall));
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
      long layer = knobs.everyLink().begin(SharedKnobs.EVERY_LINK, new LinkProfile(baseProfile.latencyMinNanos(),
          baseProfile.latencyMaxNanos(), burst.ratio(), baseProfile.duplicateRatio()));
      endAtLatestAtWindowEnd(burst.lengthNanos(), "loss burst ends",
          () -> knobs.everyLink().end(SharedKnobs.EVERY_LINK, layer));
      return;
    }
    LinkProfile duplicating = new LinkProfile(baseProfile.latencyMinNanos(), baseProfile.latencyMaxNanos(),
        baseProfile.lossRatio(), burst.ratio());
    List<Link> links = targets.volumeNodes().stream()
        .map(volumeNode -> new Link(targets.broker(), volumeNode)).toList();
    endLayersAfter(burst.lengthNanos(), "redelivery burst ends", links, duplicating);
  }

  private void startSlowStorage(SwarmFault.SlowStorage slow) {
    LinkProfile slowLink = new LinkProfile(slow.latencyNanos(), slow.latencyNanos() + baseProfile.latencyMaxNanos(),
        Ratio.ZERO, Ratio.ZERO);
    endLayersAfter(slow.lengthNanos(), "storage fast again for " + slow.node(),
        List.of(new Link(slow.node(), targets.storage()), new Link(targets.storage(), slow.node())), slowLink);
  }

  /** Gives each link {@code profile} now, and takes that layer off again after the fault's length. */
  private void endLayersAfter(long lengthNanos, String label, List<Link> links, LinkProfile profile) {
    List<Long> layers = links.stream().map(link -> knobs.linkProfiles().begin(link, profile)).toList();
    endAtLatestAtWindowEnd(lengthNanos, label, () -> {
      for (int i = 0; i < links.size(); i++) {
        knobs.linkProfiles().end(links.get(i), layers.get(i));
      }
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

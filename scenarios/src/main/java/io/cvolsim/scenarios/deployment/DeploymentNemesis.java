package io.cvolsim.scenarios.deployment;

import io.cvolsim.kernel.api.Choices;
import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.sim.Simulation;
import java.util.List;

/**
 * The fault schedule of the deployment scenario, drawn up front from the run's choices: c-vol
 * crashes (restarted later, or left dead until the heal phase), pauses, and partitions of one
 * c-vol from the database, the broker or the DLM. Everything heals when the window closes.
 */
final class DeploymentNemesis {
  private static final List<String> KINDS = List.of("crash", "pause", "cut-from-db", "cut-from-broker",
      "cut-from-dlm");
  private final Simulation simulation;
  private final DeploymentTopology topology;
  private final NodeControl control;
  private final DeploymentPhases phases;

  DeploymentNemesis(Simulation simulation, DeploymentTopology topology, NodeControl control,
      DeploymentPhases phases) {
    this.simulation = simulation;
    this.topology = topology;
    this.control = control;
    this.phases = phases;
  }

  void schedule() {
    Choices choices = simulation.choices();
    long at = choices.durationNanos("nemesis.first-fault", Durations.seconds(5), Durations.seconds(20));
    while (at < phases.faultWindowEndNanos()) {
      scheduleOne(choices, at);
      at += choices.durationNanos("nemesis.gap", Durations.seconds(10), Durations.seconds(40));
    }
  }

  private void scheduleOne(Choices choices, long atNanos) {
    String kind = choices.oneOf("nemesis.kind", KINDS);
    NodeId node = choices.oneOf("nemesis.target", topology.volumeNodes());
    long lengthNanos = choices.durationNanos("nemesis.length", Durations.seconds(5), Durations.seconds(100));
    long endNanos = Math.min(atNanos + lengthNanos, phases.faultWindowEndNanos());
    switch (kind) {
      case "crash" -> {
        at(atNanos, "crash " + node, counted(kind, () -> control.crash(node)));
        if (!choices.chance("nemesis.crash-is-permanent", io.cvolsim.kernel.api.Ratio.percent(30))) {
          at(endNanos, "restart " + node, () -> control.restartIfCrashed(node));
        }
      }
      case "pause" -> {
        at(atNanos, "pause " + node, counted(kind, () -> simulation.pause(node)));
        at(endNanos, "resume " + node, () -> control.resumeIfPaused(node));
      }
      default -> partition(node, kind, atNanos, endNanos);
    }
  }

  private void partition(NodeId node, String kind, long atNanos, long endNanos) {
    NodeId other = switch (kind) {
      case "cut-from-db" -> topology.database();
      case "cut-from-broker" -> topology.broker();
      default -> topology.coordination();
    };
    at(atNanos, "partition " + node + " from " + other,
        counted(kind, () -> simulation.network().blockBoth(node, other)));
    at(endNanos, "heal " + node + " and " + other, () -> {
      simulation.network().heal(node, other);
      simulation.network().heal(other, node);
    });
  }

  private void at(long timeNanos, String label, Runnable action) {
    simulation.scheduleAt(timeNanos, "nemesis: " + label, action);
  }

  /** Marks that a fault of this kind was injected, so sweeps can show the fault kinds they covered. */
  private Runnable counted(String kind, Runnable action) {
    return () -> {
      simulation.probes().hit("fault." + kind);
      action.run();
    };
  }
}

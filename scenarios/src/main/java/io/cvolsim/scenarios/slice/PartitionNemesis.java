package io.cvolsim.scenarios.slice;

import io.cvolsim.kernel.api.Choices;
import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Ratio;
import io.cvolsim.kernel.sim.Simulation;

/**
 * Occasional partitions during the fault window: an API node cut off from the database (its
 * statements time out with unknown outcome), or a client cut off from an API node. Each heals
 * after a drawn time; everything heals when the window closes.
 */
public final class PartitionNemesis {
  private final Simulation simulation;
  private final SliceTopology topology;
  private final long faultWindowEndNanos;

  public PartitionNemesis(Simulation simulation, SliceTopology topology, long faultWindowEndNanos) {
    this.simulation = simulation;
    this.topology = topology;
    this.faultWindowEndNanos = faultWindowEndNanos;
  }

  /** Draws the whole schedule up front, from the run's choices. */
  public void schedule() {
    Choices choices = simulation.choices();
    long at = choices.durationNanos("nemesis.first-fault", 0, Durations.seconds(10));
    while (at < faultWindowEndNanos) {
      scheduleOne(choices, at);
      at += choices.durationNanos("nemesis.gap", Durations.seconds(2), Durations.seconds(15));
    }
    simulation.scheduleAt(faultWindowEndNanos, "nemesis: heal all", () -> simulation.network().healAll());
  }

  private void scheduleOne(Choices choices, long atNanos) {
    boolean apiFromDatabase = choices.chance("nemesis.kind api-db", Ratio.percent(50));
    NodeId a;
    NodeId b;
    if (apiFromDatabase) {
      a = choices.oneOf("nemesis.api", topology.apiNodes());
      b = topology.database();
    } else {
      a = choices.oneOf("nemesis.client", topology.clients());
      b = choices.oneOf("nemesis.api", topology.apiNodes());
    }
    long lengthNanos = choices.durationNanos("nemesis.length", Durations.millis(100), Durations.seconds(5));
    long healAt = Math.min(atNanos + lengthNanos, faultWindowEndNanos);
    simulation.scheduleAt(atNanos, "nemesis: partition " + a + " from " + b, () -> simulation.network().blockBoth(a, b));
    simulation.scheduleAt(healAt, "nemesis: heal " + a + " and " + b, () -> heal(a, b));
  }

  private void heal(NodeId a, NodeId b) {
    simulation.network().heal(a, b);
    simulation.network().heal(b, a);
  }
}

package io.cvolsim.scenarios.deployment;

import static io.cvolsim.kernel.api.Durations.millis;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.choice.RecordingChoices;
import io.cvolsim.kernel.sim.LinkProfile;
import io.cvolsim.kernel.sim.NodeState;
import io.cvolsim.kernel.sim.Simulation;
import io.cvolsim.kernel.sim.SimulationOptions;
import io.cvolsim.model.dlm.CoordinationBackend;
import io.cvolsim.model.dlm.LockLog;
import io.cvolsim.model.service.ServiceLog;
import org.junit.jupiter.api.Test;

/** Stalls from several faults: a node runs again when the last of them ends, as each was drawn. */
class NodeControlTest {
  private static final NodeId NODE = NodeId.of("c-vol-1");
  private final Simulation simulation = new Simulation(new SimulationOptions(10_000, false,
      LinkProfile.reliable(millis(1), millis(2))), RecordingChoices.seeded(1));
  private final NodeControl control = new NodeControl(simulation, CoordinationBackend.FILE,
      new LockLog(simulation::nowNanos), new ServiceLog(simulation::nowNanos));

  NodeControlTest() {
    simulation.addNode(NODE, context -> new Node() {
      @Override
      public void start() {}

      @Override
      public void onMessage(Incoming incoming) {}
    });
  }

  @Test
  void overlappingPauses_endWhenTheLastOfThemEnds() {
    long first = control.pause(NODE);
    long second = control.pause(NODE);
    control.endPause(NODE, first);
    assertThat(simulation.state(NODE)).isEqualTo(NodeState.PAUSED);
    control.endPause(NODE, first);
    assertThat(simulation.state(NODE)).as("a stall ends once").isEqualTo(NodeState.PAUSED);
    control.endPause(NODE, second);
    assertThat(simulation.state(NODE)).isEqualTo(NodeState.RUNNING);
  }

  @Test
  void theHealResumesWhateverStillStalls_andACrashForgetsItsStalls() {
    control.pause(NODE);
    control.pause(NODE);
    control.resumeIfPaused(NODE);
    assertThat(simulation.state(NODE)).isEqualTo(NodeState.RUNNING);

    control.pause(NODE);
    control.crash(NODE);
    assertThat(control.pause(NODE)).as("a crashed node has nothing to stall").isEqualTo(NodeControl.NO_STALL);
    control.restartIfCrashed(NODE);
    long afterRestart = control.pause(NODE);
    control.endPause(NODE, afterRestart);
    assertThat(simulation.state(NODE)).as("no stall outlives the process it stalled").isEqualTo(NodeState.RUNNING);
  }

  @Test
  void aStallEndedByACrash_doesNotEndAStallOfTheNextProcess() {
    long beforeCrash = control.pause(NODE);
    control.crash(NODE);
    control.restartIfCrashed(NODE);
    long afterRestart = control.pause(NODE);
    control.endPause(NODE, beforeCrash);
    assertThat(simulation.state(NODE)).isEqualTo(NodeState.PAUSED);
    control.endPause(NODE, afterRestart);
    assertThat(simulation.state(NODE)).isEqualTo(NodeState.RUNNING);
  }

  @Test
  void aReplacedNodesOccupant_isTheMachineThatJoinedLast() {
    int[] joined = {3};
    control.replaceWith(lost -> NodeId.of("c-vol-" + ++joined[0]));
    control.retire(NODE);
    NodeId first = control.startReplacement(NODE);
    control.retire(first);
    NodeId second = control.startReplacement(first);

    assertThat(control.occupant(NODE)).isEqualTo(second).isEqualTo(NodeId.of("c-vol-5"));
    assertThat(control.occupant(first)).isEqualTo(second);
    assertThat(control.occupant(NodeId.of("c-vol-2"))).as("never replaced").isEqualTo(NodeId.of("c-vol-2"));
    assertThat(control.replacementsStarted()).containsExactly(first, second);
  }
}

package io.cvolsim.scenarios.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Ratio;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A fault drawn for a c-vol that was replaced falls on the replacement; others stay as drawn. */
class SwarmFaultOntoTest {
  private static final NodeId LOST = NodeId.of("c-vol-2");
  private static final NodeId REPLACEMENT = NodeId.of("c-vol-4");
  private static final NodeId DB = NodeId.of("db");
  private static final UnaryOperator<NodeId> OCCUPANT = node -> node.equals(LOST) ? REPLACEMENT : node;

  @Test
  void nodeFaults_fallOnTheReplacement() {
    assertThat(new SwarmFault.Crash(LOST, 1, 2).onto(OCCUPANT)).isEqualTo(new SwarmFault.Crash(REPLACEMENT, 1, 2));
    assertThat(new SwarmFault.Cut(FaultKind.CUT_FROM_DB, LOST, DB, 1, 2).onto(OCCUPANT))
        .isEqualTo(new SwarmFault.Cut(FaultKind.CUT_FROM_DB, REPLACEMENT, DB, 1, 2));
    List<NodeId> schedulers = List.of(NodeId.of("sch-1"));
    assertThat(new SwarmFault.Split(FaultKind.SPLIT_SERVICES, List.of(LOST, DB), schedulers, 1, 2).onto(OCCUPANT))
        .isEqualTo(new SwarmFault.Split(FaultKind.SPLIT_SERVICES, List.of(REPLACEMENT, DB), schedulers, 1, 2));
    assertThat(new SwarmFault.ClockDrift(LOST, 1, -5).onto(OCCUPANT))
        .isEqualTo(new SwarmFault.ClockDrift(REPLACEMENT, 1, -5));
  }

  @Test
  void faultsNamingNoReplacedNode_stayAsDrawn() {
    SwarmFault pause = new SwarmFault.Pause(NodeId.of("c-vol-1"), 1, 2);
    SwarmFault burst = new SwarmFault.DeadlockBurst(Ratio.percent(10), 1, 2);
    assertThat(pause.onto(OCCUPANT)).isEqualTo(pause);
    assertThat(burst.onto(OCCUPANT)).isSameAs(burst);
  }
}

package io.cvolsim.scenarios.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cvolsim.scenarios.run.RunOutcome;
import io.cvolsim.scenarios.run.RunSpec;
import io.cvolsim.scenarios.run.Runner;
import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.choice.RecordingChoices;
import io.cvolsim.scenarios.deployment.DlmSilenceBudget;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The swarm scenario: a seed is its own reproduction, different seeds switch on different fault
 * kinds (seen as fault.* probes), and {@code swarm.faults} keeps the nemesis to the kinds named.
 */
class SwarmScenarioTest {
  @Test
  void sameSeed_sameFingerprint() {
    RunOutcome first = Runner.run(RunSpec.seeded("swarm", 3, List.of()), false);
    RunOutcome second = Runner.run(RunSpec.seeded("swarm", 3, List.of()), false);
    assertThat(second.report().fingerprint()).isEqualTo(first.report().fingerprint());
  }

  @Test
  void seeds_switchOnDifferentFaultKinds() {
    TreeSet<String> kindsSeen = new TreeSet<>();
    TreeSet<String> profiles = new TreeSet<>();
    for (long seed = 1; seed <= 6; seed++) {
      SortedMap<String, Long> probes = Runner.run(RunSpec.seeded("swarm", seed, List.of()), false).report().probes();
      List<String> kinds = probes.keySet().stream().filter(name -> name.startsWith("fault.")).toList();
      kindsSeen.addAll(kinds);
      profiles.add(String.join(",", kinds));
    }
    assertThat(profiles).as("distinct fault mixes over six seeds").hasSizeGreaterThan(3);
    assertThat(kindsSeen).as("kinds reached over six seeds").hasSizeGreaterThan(8);
  }

  @Test
  void swarmFaults_limitsTheKindsDrawn() {
    for (long seed = 1; seed <= 4; seed++) {
      SortedMap<String, Long> probes = Runner.run(RunSpec.seeded("swarm", seed,
          List.of("swarm.faults=pause,clock-skew")), false).report().probes();
      assertThat(probes.keySet().stream().filter(name -> name.startsWith("fault.")))
          .isSubsetOf("fault.pause", "fault.clock-skew");
    }
  }

  /**
   * Regression: the operator's history process ids once started where the completion writers'
   * do, and the run failed on a reused process id. Its force-deletes and resets must be in the
   * history, or linearizability would judge a history missing writes.
   */
  @Test
  void adminActions_areInTheHistory_underTheirOwnProcesses() {
    long adminOperations = 0;
    for (long seed = 1; seed <= 6; seed++) {
      RunOutcome outcome = Runner.run(RunSpec.seeded("swarm", seed, List.of("swarm.faults=force-delete,reset-state")),
          false);
      adminOperations += outcome.history().operations().stream()
          .filter(operation -> operation.process() >= 2_000_000_000L).count();
    }
    assertThat(adminOperations).isPositive();
  }

  @Test
  void parseList_keepsDeclarationOrder_andRejectsUnknownKinds() {
    assertThat(FaultKind.parseList("clock-skew,crash")).containsExactly(FaultKind.CRASH, FaultKind.CLOCK_SKEW);
    assertThat(FaultKind.parseList("off")).isEmpty();
    assertThat(FaultKind.parseList("all")).hasSize(FaultKind.values().length);
    assertThatThrownBy(() -> FaultKind.parseList("crash,meteor")).hasMessageContaining("meteor");
  }

  /** split-services never parts the database, broker, array and DLM, as hardened assumes; split may. */
  @Test
  void splitServices_keepsTheInfrastructureOnOneSide() {
    NodeId db = NodeId.of("db");
    NodeId broker = NodeId.of("broker");
    NodeId storage = NodeId.of("storage");
    NodeId etcd = NodeId.of("etcd");
    List<NodeId> volumeNodes = List.of(NodeId.of("c-vol-1"), NodeId.of("c-vol-2"));
    SwarmTargets targets = new SwarmTargets(volumeNodes, List.of(NodeId.of("sch-1"), NodeId.of("c-vol-1"),
        NodeId.of("c-vol-2")), db, broker, storage, Optional.of(etcd), List.of(NodeId.of("api-1")), 3,
        Durations.seconds(180), Durations.seconds(60), Durations.seconds(85), new DlmSilenceBudget(Durations.seconds(100)),
        true);
    FaultDraws draws = new FaultDraws(RecordingChoices.seeded(1), targets);
    boolean plainSplitParted = false;
    for (int i = 0; i < 50; i++) {
      SwarmFault.Split split = (SwarmFault.Split) draws.draw(FaultKind.SPLIT_SERVICES);
      assertThat(List.of(split.sideA(), split.sideB())).anySatisfy(side -> assertThat(side)
          .contains(db, broker, storage, etcd));
      SwarmFault.Split plain = (SwarmFault.Split) draws.draw(FaultKind.SPLIT);
      plainSplitParted |= plain.sideA().contains(db) != plain.sideA().contains(broker);
    }
    assertThat(plainSplitParted).as("a plain split sometimes parts the infrastructure").isTrue();
  }

  @Test
  void labels_sayWhatWhereAndWhen() {
    SwarmFault cut = new SwarmFault.Cut(FaultKind.CUT_FROM_DB, io.cvolsim.kernel.api.NodeId.of("c-vol-2"),
        io.cvolsim.kernel.api.NodeId.of("db"), 31_200_000_000L, 12_000_000_000L);
    assertThat(cut.label()).isEqualTo("fault: partition c-vol-2 from db at 31.2s for 12.0s");
  }
}

package io.cvolsim.scenarios.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.choice.RecordingChoices;
import io.cvolsim.model.api.WorkersCleanupRequest;
import io.cvolsim.scenarios.deployment.DeploymentNemesis;
import io.cvolsim.scenarios.deployment.DlmSilenceBudget;
import io.cvolsim.scenarios.run.RunSpec;
import io.cvolsim.scenarios.run.Runner;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The deployment's nemesis beside the swarm's ({@code nemesis.deployment_faults=always}), the
 * menu a sweep reads its fault coverage against, and {@code nemesis.forced_cleanups=off}.
 */
class FaultMenuTest {
  private static final List<String> DEPLOYMENT_PROBES = DeploymentNemesis.KINDS.stream().map(FaultKind::probe).toList();

  @Test
  void deploymentFaultsAlways_runsTheDeploymentsFaultsBesideTheSwarms() {
    TreeSet<String> together = new TreeSet<>();
    TreeSet<String> swarmAlone = new TreeSet<>();
    for (long seed = 1; seed <= 3; seed++) {
      together.addAll(faultProbes(seed, List.of("swarm.faults=slow-storage", "nemesis.deployment_faults=always")));
      swarmAlone.addAll(faultProbes(seed, List.of("swarm.faults=slow-storage")));
    }
    assertThat(together).contains("fault.slow-storage").containsAnyElementsOf(DEPLOYMENT_PROBES);
    assertThat(swarmAlone).containsOnly("fault.slow-storage");
  }

  @Test
  void menu_namesWhatTheSettingsLetTheNemesesInject() {
    assertThat(menu("deployment", List.of())).containsExactlyElementsOf(sorted(
        DeploymentNemesis.KINDS));
    assertThat(menu("swarm", List.of())).containsExactly(FaultKind.values());
    assertThat(menu("deployment", List.of("swarm.faults=drain,crash", "nemesis.deployment_faults=always")))
        .containsExactly(FaultKind.CRASH, FaultKind.PAUSE, FaultKind.CUT_FROM_DB, FaultKind.CUT_FROM_DLM,
            FaultKind.CUT_FROM_BROKER, FaultKind.DRAIN);
    assertThat(menu("deployment", List.of("nemesis=off"))).isEmpty();
    assertThat(menu("default", List.of())).as("the first slice's partitions are none of these kinds").isEmpty();
  }

  /** A preset's assumptions take kinds off whatever menu the scenario has, and say so in words. */
  @Test
  void assumedAbsent_subtractsFromTheSwarmsMenu_andTakesOnlyKinds() {
    assertThat(menu("swarm", List.of("nemesis.assumed_absent=split,reset-state")))
        .hasSize(FaultKind.values().length - 2).doesNotContain(FaultKind.SPLIT, FaultKind.RESET_STATE);
    assertThat(menu("all-faults", List.of("nemesis.assumed_absent=none"))).containsExactly(FaultKind.values());
    assertThat(menu("deployment", List.of("nemesis.assumed_absent=crash")))
        .containsExactly(FaultKind.PAUSE, FaultKind.CUT_FROM_DB, FaultKind.CUT_FROM_DLM, FaultKind.CUT_FROM_BROKER);
    for (long seed = 1; seed <= 3; seed++) {
      assertThat(faultProbes(seed, List.of("nemesis.assumed_absent=crash"))).as("seed %d", seed)
          .isNotEmpty().doesNotContain(FaultKind.CRASH.probe());
    }
    assertThatThrownBy(() -> RunSpec.seeded("swarm", 1, List.of("nemesis.assumed_absent=all")))
        .hasMessageContaining("not a fault kind");
  }

  /** Without forced cleanups no cleanup passes is_up=true, and every draw is made as before. */
  @Test
  void forcedCleanupsOff_neverCleansServicesThatAreUp_andDrawsAsBefore() {
    RecordingChoices allowed = RecordingChoices.seeded(5);
    RecordingChoices forbidden = RecordingChoices.seeded(5);
    FaultDraws allowing = new FaultDraws(allowed, targets(true));
    FaultDraws forbidding = new FaultDraws(forbidden, targets(false));
    boolean someForced = false;
    for (int i = 0; i < 40; i++) {
      someForced |= isUp(allowing.draw(FaultKind.WORKERS_CLEANUP));
      assertThat(isUp(forbidding.draw(FaultKind.WORKERS_CLEANUP))).isFalse();
    }
    assertThat(someForced).as("the same draws force some cleanups when allowed").isTrue();
    assertThat(forbidden.draw("next", 0, 1_000_000)).isEqualTo(allowed.draw("next", 0, 1_000_000));
  }

  private static boolean isUp(SwarmFault fault) {
    return ((WorkersCleanupRequest) ((SwarmFault.AdminAction) fault).request()).filters().isUp();
  }

  private static SwarmTargets targets(boolean forcedCleanups) {
    List<NodeId> volumeNodes = List.of(NodeId.of("c-vol-1"), NodeId.of("c-vol-2"));
    return new SwarmTargets(volumeNodes, volumeNodes, NodeId.of("db"), NodeId.of("broker"), NodeId.of("storage"),
        Optional.of(NodeId.of("etcd")), List.of(NodeId.of("api-1")), 3, Durations.seconds(180),
        Durations.seconds(60), Durations.seconds(85), new DlmSilenceBudget(Durations.seconds(100)), forcedCleanups);
  }

  private static List<FaultKind> menu(String scenario, List<String> assignments) {
    RunSpec spec = RunSpec.seeded(scenario, 1, assignments);
    return FaultMenu.of(spec.kind(), spec.settings());
  }

  private static List<FaultKind> sorted(List<FaultKind> kinds) {
    return kinds.stream().sorted().toList();
  }

  private static TreeSet<String> faultProbes(long seed, List<String> assignments) {
    SortedMap<String, Long> probes = Runner.run(RunSpec.seeded("deployment", seed, assignments), false).report().probes();
    TreeSet<String> faults = new TreeSet<>();
    probes.keySet().stream().filter(name -> name.startsWith("fault.") && !name.equals("fault.replacement-joined"))
        .forEach(faults::add);
    return faults;
  }

}

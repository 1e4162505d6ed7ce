package io.cvolsim.model.dlm;

import static io.cvolsim.model.dlm.DlmWorld.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.sim.NodeState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Leader election on the leader lock (the DLM-leader cleanup variant of V9). */
class LeaderElectionTest {
  private static final String GROUP = "cleaners";
  private static final List<String> CANDIDATES = List.of("c-vol-1", "c-vol-2", "c-vol-3");

  private static List<String> liveLeaders(DlmWorld world) {
    List<String> leaders = new ArrayList<>();
    for (String candidate : CANDIDATES) {
      if (world.simulation.state(NodeId.of(candidate)) != NodeState.CRASHED
          && world.coordinator(candidate).isLeader(GROUP)) {
        leaders.add(candidate);
      }
    }
    return leaders;
  }

  @ParameterizedTest
  @EnumSource(value = CoordinationBackend.class, names = {"ETCD", "ZOOKEEPER"})
  void election_electsOneLeaderAndReElectsAfterItCrashes(CoordinationBackend backend) {
    DlmWorld world = new DlmWorld(60, DlmWorld.options(backend));
    CANDIDATES.forEach(world::client);
    List<String> elected = new ArrayList<>();
    for (String candidate : CANDIDATES) {
      world.at(seconds(1), candidate + " runs", () ->
          world.coordinator(candidate).runForElection(GROUP, () -> elected.add(candidate)));
    }
    world.runUntil(seconds(5));
    assertThat(liveLeaders(world)).hasSize(1);
    String first = liveLeaders(world).get(0);

    world.at(seconds(6), "crash leader", () -> world.simulation.crash(NodeId.of(first)));
    world.runUntil(seconds(6) + DlmOptions.defaultLeaseNanos(backend) + seconds(3));
    assertThat(liveLeaders(world)).hasSize(1).doesNotContain(first);
    assertThat(elected).hasSize(2);
    assertThat(world.probeCount("dlm.elected-leader")).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(value = CoordinationBackend.class, names = {"FILE"})
  void fileLocks_makeEveryNodeItsOwnLeader(CoordinationBackend backend) {
    DlmWorld world = new DlmWorld(61, DlmWorld.options(backend));
    CANDIDATES.forEach(world::client);
    for (String candidate : CANDIDATES) {
      world.at(seconds(1), candidate + " runs", () -> world.coordinator(candidate).runForElection(GROUP, () -> {}));
    }
    world.runUntil(seconds(2));
    assertThat(liveLeaders(world)).containsExactlyElementsOf(CANDIDATES);
  }
}

package io.cvolsim.model.dlm;

import static io.cvolsim.model.dlm.DlmWorld.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Group membership lives as long as the member's locks: a lease, a session, or a row. */
class GroupMembershipTest {
  private static final String GROUP = "cluster1@lvm";
  private static final List<String> MEMBERS = List.of("c-vol-1", "c-vol-2", "c-vol-3");

  private static DlmWorld joined(CoordinationBackend backend) {
    DlmWorld world = new DlmWorld(80, DlmWorld.options(backend));
    MEMBERS.forEach(world::client);
    for (String member : MEMBERS) {
      world.startAt(seconds(1), member + " joins", () -> world.coordinator(member).joinGroup(GROUP));
    }
    world.at(seconds(2), "crash c-vol-3", () -> world.simulation.crash(NodeId.of("c-vol-3")));
    return world;
  }

  private static List<NodeId> nodes(String... names) {
    return Arrays.stream(names).map(NodeId::of).toList();
  }

  @ParameterizedTest
  @EnumSource(value = CoordinationBackend.class, names = {"ETCD", "ZOOKEEPER"})
  void crashedMember_dropsOutWhenItsLeaseOrSessionExpires(CoordinationBackend backend) {
    DlmWorld world = joined(backend);
    DlmWorld.Result<List<NodeId>> before = world.startAt(seconds(3), "list",
        () -> world.coordinator("c-vol-1").groupMembers(GROUP));
    DlmWorld.Result<List<NodeId>> after = world.startAt(seconds(2) + DlmOptions.defaultLeaseNanos(backend)
        + seconds(2), "list again", () -> world.coordinator("c-vol-1").groupMembers(GROUP));
    world.runUntil(seconds(60));
    assertThat(before.value()).isEqualTo(nodes("c-vol-1", "c-vol-2", "c-vol-3"));
    assertThat(after.value()).isEqualTo(nodes("c-vol-1", "c-vol-2"));
  }

  @ParameterizedTest
  @EnumSource(value = CoordinationBackend.class, names = {"WORKERS_TABLE"})
  void workersTableMember_staysUntilCleanup(CoordinationBackend backend) {
    DlmWorld world = joined(backend);
    DlmWorld.Result<List<NodeId>> late = world.startAt(seconds(100), "list",
        () -> world.coordinator("c-vol-1").groupMembers(GROUP));
    world.cleanLocksAt(seconds(101), "c-vol-2", "c-vol-3");
    DlmWorld.Result<List<NodeId>> cleaned = world.startAt(seconds(102), "list again",
        () -> world.coordinator("c-vol-1").groupMembers(GROUP));
    world.runUntil(seconds(103));
    assertThat(late.value()).isEqualTo(nodes("c-vol-1", "c-vol-2", "c-vol-3"));
    assertThat(cleaned.value()).isEqualTo(nodes("c-vol-1", "c-vol-2"));
  }

  @ParameterizedTest
  @EnumSource(value = CoordinationBackend.class, names = {"FILE"})
  void fileMember_seesOnlyItself(CoordinationBackend backend) {
    DlmWorld world = joined(backend);
    DlmWorld.Result<List<NodeId>> seen = world.startAt(seconds(3), "list",
        () -> world.coordinator("c-vol-1").groupMembers(GROUP));
    world.runUntil(seconds(4));
    assertThat(seen.value()).isEqualTo(nodes("c-vol-1"));
  }
}

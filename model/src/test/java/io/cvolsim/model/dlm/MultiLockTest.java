package io.cvolsim.model.dlm;

import static io.cvolsim.model.dlm.DlmWorld.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.SimFuture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Several locks at once (V20): two PowerMax-style storage-group moves naming the same two locks
 * in opposite orders deadlock in decorator order, and complete once names are sorted (commit
 * 749772a6f).
 */
class MultiLockTest {
  private static final List<String> FORWARD = List.of("sg-a", "sg-b");
  private static final List<String> BACKWARD = List.of("sg-b", "sg-a");

  @Test
  void acquisitionOrder_sortsAndDeduplicatesOnlyWhenSorted() {
    List<String> names = List.of("vol-2", "vol-1", "vol-2");
    assertThat(LockCoordinator.acquisitionOrder(names, LockOrder.SORTED)).containsExactly("vol-1", "vol-2");
    assertThat(LockCoordinator.acquisitionOrder(names, LockOrder.DECORATOR_ORDER))
        .containsExactly("vol-2", "vol-1", "vol-2");
  }

  private static DlmWorld.Result<String> move(DlmWorld world, String client, List<String> names) {
    return world.startAt(seconds(1), client + " moves", () -> world.coordinator(client).synchronizedOn(names,
        LockWait.forever(), "test", () -> world.context(client).sleep("move", seconds(5)).map(done -> client + " moved")));
  }

  private static DlmWorld world(LockOrder order) {
    DlmOptions options = DlmWorld.options(CoordinationBackend.ETCD).withLockOrder(order);
    return new DlmWorld(40, options).client("c-vol-1").client("c-vol-2");
  }

  /** Both moves start at once, in opposite orders; answers their outcomes after a while. */
  private static List<DlmWorld.Result<String>> oppositeMoves(DlmWorld world, long runNanos) {
    List<DlmWorld.Result<String>> moves = List.of(move(world, "c-vol-1", FORWARD), move(world, "c-vol-2", BACKWARD));
    world.runUntil(runNanos);
    return moves;
  }

  @Test
  void decoratorOrder_deadlocksOnOppositeRequests() {
    DlmWorld world = world(LockOrder.DECORATOR_ORDER);
    List<DlmWorld.Result<String>> moves = oppositeMoves(world, seconds(600));
    assertThat(moves).noneMatch(DlmWorld.Result::isDone);
    assertThat(world.log.eventsOf(LockEvent.Kind.GRANTED)).hasSize(2);
  }

  @Test
  void sortedOrder_completesBothMovesAndReleasesEverything() {
    DlmWorld world = world(LockOrder.SORTED);
    List<DlmWorld.Result<String>> moves = oppositeMoves(world, seconds(60));
    assertThat(moves.get(0).value()).isEqualTo("c-vol-1 moved");
    assertThat(moves.get(1).value()).isEqualTo("c-vol-2 moved");
    assertThat(world.log.eventsOf(LockEvent.Kind.RELEASED)).hasSize(4);
    assertThat(world.etcd.keys()).isEmpty();
  }

  @Test
  void synchronizedOn_releasesWhenTheBodyFails() {
    DlmWorld world = world(LockOrder.SORTED);
    DlmWorld.Result<String> failing = world.startAt(seconds(1), "failing body",
        () -> world.coordinator("c-vol-1").synchronizedOn(FORWARD, LockWait.forever(), "test",
            () -> SimFuture.failed(Failure.error("driver exploded"))));
    world.runUntil(seconds(5));
    assertThat(failing.isDone()).isTrue();
    assertThat(failing.succeeded()).isFalse();
    assertThat(world.etcd.keys()).isEmpty();
  }
}

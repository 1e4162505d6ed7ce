package io.cvolsim.kernel.sim;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Message;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.kernel.choice.RecordingChoices;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class FaultBehaviourTest {
  private static final NodeId A = NodeId.of("a");
  private static final NodeId B = NodeId.of("b");

  record Note(String text) implements Message {}

  /** A node whose behaviour a test writes inline; it records what it received and when. */
  static final class Scripted implements Node {
    final NodeContext context;
    final List<String> received = new ArrayList<>();
    private final Consumer<Scripted> onStart;

    Scripted(NodeContext context, Consumer<Scripted> onStart) {
      this.context = context;
      this.onStart = onStart;
    }

    @Override
    public void start() {
      onStart.accept(this);
    }

    @Override
    public void onMessage(Incoming incoming) {
      received.add(incoming.message() + "@" + context.localTimeNanos());
      if (incoming.expectsReply()) {
        context.reply(incoming, new Note("ack"));
      }
    }
  }

  private final List<Scripted> incarnationsOfA = new ArrayList<>();
  private final List<Scripted> incarnationsOfB = new ArrayList<>();

  private Simulation twoNodes(Consumer<Scripted> startA, Consumer<Scripted> startB) {
    Simulation simulation = new Simulation(
        new SimulationOptions(1_000_000, true, LinkProfile.reliable(millis(1), millis(1))),
        RecordingChoices.seeded(1));
    simulation.addNode(A, context -> track(incarnationsOfA, new Scripted(context, startA)));
    simulation.addNode(B, context -> track(incarnationsOfB, new Scripted(context, startB)));
    return simulation;
  }

  private static Scripted track(List<Scripted> list, Scripted node) {
    list.add(node);
    return node;
  }

  @Test
  void pausedNode_timersFireOnlyAfterResume() {
    List<Long> firedAt = new ArrayList<>();
    Simulation simulation = twoNodes(
        a -> a.context.setTimer("t", seconds(1), () -> firedAt.add(-1L)), b -> {});
    simulation.scheduleAt(millis(500), "pause a", () -> simulation.pause(A));
    simulation.scheduleAt(seconds(3), "resume a", () -> simulation.resume(A));
    simulation.runUntil(seconds(2));
    assertThat(firedAt).isEmpty();
    simulation.runUntil(seconds(4));
    assertThat(firedAt).hasSize(1);
    assertThat(simulation.trace().lines()).anyMatch(line -> line.startsWith("3.000000000 a timer t"));
  }

  @Test
  void pausedNode_keepsItsStateAndGetsMessagesOnResume() {
    Simulation simulation = twoNodes(a -> {}, b -> b.context.setTimer("send", seconds(1),
        () -> b.context.send(A, new Note("hello"))));
    simulation.scheduleAt(millis(10), "pause a", () -> simulation.pause(A));
    simulation.scheduleAt(seconds(5), "resume a", () -> simulation.resume(A));
    simulation.runUntil(seconds(4));
    assertThat(incarnationsOfA.get(0).received).isEmpty();
    simulation.runUntil(seconds(6));
    assertThat(incarnationsOfA).hasSize(1);
    assertThat(incarnationsOfA.get(0).received).containsExactly("Note[text=hello]@" + seconds(5));
  }

  @Test
  void crashedNode_pendingCallsFailAndItsTimersNeverFire() {
    List<SimFuture<Note>> calls = new ArrayList<>();
    List<String> callbacks = new ArrayList<>();
    Simulation simulation = twoNodes(a -> {
      SimFuture<Note> call = a.context.call(B, new Note("slow"), Note.class, seconds(10));
      call.whenComplete(outcome -> callbacks.add("ran"));
      calls.add(call);
      a.context.setTimer("later", seconds(2), () -> callbacks.add("timer"));
    }, b -> {});
    simulation.network().block(B, A); // the answer never comes back
    simulation.scheduleAt(seconds(1), "crash a", () -> simulation.crash(A));
    simulation.runUntil(seconds(20));
    assertThat(calls.get(0).outcome()).isEqualTo(
        io.cvolsim.kernel.api.Outcome.failed(new Failure.Cancelled("node a crashed")));
    assertThat(callbacks).isEmpty();
    assertThat(simulation.state(A)).isEqualTo(NodeState.CRASHED);
  }

  @Test
  void restart_runsStartUpCodeOnAFreshIncarnation() {
    Simulation simulation = twoNodes(a -> a.context.log("booted"), b -> {});
    simulation.scheduleAt(seconds(1), "crash a", () -> simulation.crash(A));
    simulation.scheduleAt(seconds(2), "restart a", () -> simulation.restart(A));
    simulation.runUntil(seconds(3));
    assertThat(incarnationsOfA).hasSize(2);
    assertThat(simulation.trace().lines()).filteredOn(line -> line.contains("log booted")).hasSize(2);
  }

  @Test
  void callToSilentPeer_timesOut() {
    List<Failure> failures = new ArrayList<>();
    Simulation simulation = twoNodes(a -> a.context.call(B, new Note("x"), Note.class, seconds(1))
        .whenComplete(outcome -> {
          if (outcome instanceof io.cvolsim.kernel.api.Outcome.Failed<Note> failed) {
            failures.add(failed.failure());
          }
        }), b -> {});
    simulation.scheduleAt(0, "pause b", () -> simulation.pause(B));
    simulation.runUntil(seconds(2));
    assertThat(failures).singleElement().isInstanceOf(Failure.TimedOut.class);
  }

  @Test
  void oneWayPartition_passesTrafficInOneDirectionOnly() {
    Simulation simulation = twoNodes(
        a -> a.context.setTimer("s", seconds(1), () -> a.context.send(B, new Note("a-to-b"))),
        b -> b.context.setTimer("s", seconds(1), () -> b.context.send(A, new Note("b-to-a"))));
    simulation.network().block(A, B);
    simulation.runUntil(seconds(2));
    assertThat(incarnationsOfB.get(0).received).isEmpty();
    assertThat(incarnationsOfA.get(0).received).hasSize(1);
    simulation.network().healAll();
    assertThat(simulation.network().blockedLinks()).isEmpty();
  }

  /** Two faults that cut one link: the first to end leaves the link cut until the other ends. */
  @Test
  void overlappingCuts_healOnlyWhenTheLastOfThemEnds() {
    Simulation simulation = twoNodes(a -> { }, b -> { });
    simulation.network().blockBoth(A, B);
    simulation.network().blockBoth(A, B);
    simulation.network().heal(A, B);
    simulation.network().heal(B, A);
    assertThat(simulation.network().isBlocked(A, B)).isTrue();
    simulation.network().heal(A, B);
    simulation.network().heal(B, A);
    assertThat(simulation.network().blockedLinks()).isEmpty();
    simulation.network().heal(A, B);
    simulation.network().block(A, B);
    assertThat(simulation.network().isBlocked(A, B)).as("a heal of an uncut link is not saved up").isTrue();
  }

  @Test
  void holdOnPartition_keepsMessagesInOrderUntilTheHeal_unlessTheSenderDied() {
    Simulation simulation = twoNodes(a -> {
      a.context.send(B, new Note("first"));
      a.context.send(B, new Note("second"));
    }, b -> {});
    simulation.network().holdOnPartition(true);
    simulation.network().blockBoth(A, B);
    simulation.scheduleAt(seconds(3), "heal", () -> simulation.network().healAll());
    simulation.runUntil(seconds(4));
    assertThat(incarnationsOfB.get(0).received).hasSize(2);
    assertThat(incarnationsOfB.get(0).received.get(0)).startsWith("Note[text=first]@");
    assertThat(simulation.network().droppedCount()).isZero();

    Simulation lost = twoNodes(a -> a.context.send(B, new Note("x")), b -> {});
    lost.network().holdOnPartition(true);
    lost.network().blockBoth(A, B);
    lost.scheduleAt(seconds(1), "crash the sender", () -> lost.crash(A));
    lost.scheduleAt(seconds(2), "heal", () -> lost.network().healAll());
    lost.runUntil(seconds(3));
    assertThat(lost.network().droppedCount()).as("its socket died with it").isEqualTo(1);
  }

  @Test
  void holdOnPartition_dropsARequestWhoseCallerGaveUp() {
    Simulation simulation = twoNodes(a -> a.context.call(B, new Note("q"), Note.class, seconds(1)), b -> {});
    simulation.network().holdOnPartition(true);
    simulation.network().blockBoth(A, B);
    simulation.scheduleAt(seconds(3), "heal", () -> simulation.network().healAll());
    simulation.runUntil(seconds(4));
    assertThat(incarnationsOfB.get(0).received).as("the caller timed out at 1 s and closed its connection").isEmpty();
    assertThat(simulation.network().droppedCount()).isEqualTo(1);
  }

  @Test
  void messageInFlight_isLostWhenPartitionArisesBeforeArrival() {
    Simulation simulation = twoNodes(a -> a.context.send(B, new Note("x")), b -> {});
    simulation.scheduleAt(1, "cut", () -> simulation.network().blockBoth(A, B));
    simulation.runUntil(seconds(1));
    assertThat(incarnationsOfB.get(0).received).isEmpty();
    assertThat(simulation.network().droppedCount()).isEqualTo(1);
  }

  @Test
  void clockSkew_movesOnlyTheSkewedNodesClock() {
    Simulation simulation = twoNodes(a -> {}, b -> {});
    simulation.runUntil(seconds(10));
    simulation.setClockOffset(A, -seconds(70));
    simulation.setClockDrift(B, 0);
    assertThat(simulation.localTimeNanos(A)).isEqualTo(seconds(10) - seconds(70));
    assertThat(simulation.localTimeNanos(B)).isEqualTo(seconds(10));
    assertThat(simulation.nowNanos()).isEqualTo(seconds(10));
  }

  @Test
  void clockSkew_stepsTheWallClockButNotTheMonotonicOne_whileDriftMovesBoth() {
    Simulation simulation = twoNodes(a -> {}, b -> {});
    simulation.runUntil(seconds(10));
    NodeContext context = incarnationsOfA.get(0).context;
    long monotonicBefore = context.monotonicNanos();
    simulation.setClockOffset(A, -seconds(70));
    assertThat(context.monotonicNanos()).isEqualTo(monotonicBefore);
    simulation.setClockDrift(A, 100_000); // 10% fast
    simulation.runUntil(seconds(20));
    assertThat(context.monotonicNanos() - monotonicBefore).isEqualTo(seconds(11));
    assertThat(context.localTimeNanos()).isEqualTo(seconds(10) - seconds(70) + seconds(11));
  }

  @Test
  void clockDrift_scalesLocalTimeAndTimers() {
    List<Long> firedAtTrueTime = new ArrayList<>();
    Simulation[] holder = new Simulation[1];
    Simulation simulation = twoNodes(a -> {}, b -> {});
    holder[0] = simulation;
    simulation.setClockDrift(A, 100_000); // 10% fast
    simulation.scheduleAt(0, "arm", () -> incarnationsOfA.get(0).context.setTimer("t", millis(1100),
        () -> firedAtTrueTime.add(holder[0].nowNanos())));
    simulation.runUntil(seconds(10));
    assertThat(simulation.localTimeNanos(A)).isEqualTo(seconds(11));
    assertThat(firedAtTrueTime).containsExactly(seconds(1));
  }

  @Test
  void eventBudget_exhaustionIsAnError() {
    Simulation simulation = new Simulation(
        new SimulationOptions(100, false, LinkProfile.reliable(millis(1), millis(2))),
        RecordingChoices.seeded(5));
    simulation.addNode(A, context -> new Scripted(context, self -> loop(self.context)));
    assertThatThrownBy(() -> simulation.runUntil(seconds(100)))
        .isInstanceOf(EventBudgetExceededException.class);
  }

  private static void loop(NodeContext context) {
    context.setTimer("tick", millis(1), () -> loop(context));
  }

  @Test
  void nodeCodeThatThrows_stopsTheRunNamingNodeAndTime() {
    Simulation simulation = twoNodes(a -> {
      throw new IllegalStateException("boom");
    }, b -> {});
    assertThatThrownBy(() -> simulation.runUntil(seconds(1)))
        .isInstanceOf(SimulationException.class)
        .hasMessageContaining("node a threw at t=0ns");
  }
}

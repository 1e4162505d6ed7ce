package io.cvolsim.model.broker;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.kernel.sim.LinkProfile;
import io.cvolsim.model.broker.BrokerWorld.Done;
import io.cvolsim.model.broker.BrokerWorld.Job;
import io.cvolsim.model.broker.BrokerWorld.Work;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calls through the broker, and oslo.service's graceful stop of a consumer. */
class CallAndShutdownTest {
  private final BrokerWorld world = BrokerWorld.reliable(BrokerOptions.osloDefaults());
  private final List<SimFuture<Done>> calls = new ArrayList<>();

  private void callAt(long atNanos, String topic, long timeoutNanos) {
    world.at(atNanos, "call", () -> calls.add(world.publisher().call(topic, new Job("get-stats"), Done.class,
        timeoutNanos)));
  }

  @Test
  void call_returnsTheConsumersResult() {
    NodeId worker = world.addWorker("c-vol-1", seconds(2));
    callAt(seconds(1), BrokerWorld.TOPIC, seconds(60));
    world.simulation.runUntil(seconds(10));

    assertThat(calls).singleElement().satisfies(call -> assertThat(call.outcome())
        .isEqualTo(Outcome.success(new Done("get-stats", worker))));
    assertThat(world.log.entries(BrokerEvent.REPLIED)).hasSize(1);
  }

  @Test
  void call_timesOutWhenItsOnlyConsumerIsFrozen() {
    NodeId worker = world.addWorker("c-vol-1", seconds(2));
    world.at(seconds(1), "pause", () -> world.simulation.pause(worker));
    callAt(seconds(2), BrokerWorld.TOPIC, seconds(30));
    world.simulation.runUntil(seconds(40));

    assertThat(calls).singleElement().satisfies(call -> {
      assertThat(call.isDone()).isTrue();
      assertThat(((Outcome.Failed<Done>) call.outcome()).failure()).isInstanceOf(Failure.TimedOut.class);
    });
  }

  @Test
  void call_toATopicNobodyConsumes_timesOut() {
    world.addWorker("c-vol-1", seconds(2));
    callAt(seconds(1), QueueNames.SCHEDULER_TOPIC, seconds(30));
    world.simulation.runUntil(seconds(40));

    assertThat(((Outcome.Failed<Done>) calls.get(0).outcome()).failure()).isInstanceOf(Failure.TimedOut.class);
    assertThat(world.log.withFate(MessageFate.UNROUTABLE)).hasSize(1);
  }

  @Test
  void gracefulShutdown_waitsForInFlightWork_whileTheOtherMemberTakesNewJobs() {
    NodeId stopping = world.addWorker("c-vol-1", seconds(20));
    NodeId staying = world.addWorker("c-vol-2", seconds(20));
    List<Long> stoppedAt = new ArrayList<>();
    List<GracefulStop> results = new ArrayList<>();
    world.castAt(seconds(1), "job-1");
    world.at(seconds(5), "SIGTERM c-vol-1", () -> world.client(stopping).stopConsuming(seconds(60))
        .whenComplete(outcome -> {
          stoppedAt.add(world.simulation.nowNanos());
          results.add(((Outcome.Success<GracefulStop>) outcome).value());
        }));
    world.castAt(seconds(6), "job-2");
    world.castAt(seconds(7), "job-3");
    world.simulation.runUntil(seconds(60));

    assertThat(results).containsExactly(GracefulStop.DRAINED);
    assertThat(stoppedAt.get(0)).as("waits for job-1, which ends at 21 s").isBetween(seconds(21), seconds(22));
    assertThat(world.finished).filteredOn(work -> work.node().equals(stopping)).extracting(Work::job)
        .containsExactly("job-1");
    assertThat(world.startedBy(staying)).extracting(Work::job).containsExactly("job-2", "job-3");
    assertThat(world.log.entries(BrokerEvent.CONNECTION_CLOSED)).extracting(BrokerLogEntry::node)
        .containsExactly(stopping);
  }

  @Test
  void gracefulShutdown_givesUpAfterItsTimeout() {
    NodeId stopping = world.addWorker("c-vol-1", seconds(100));
    List<Long> stoppedAt = new ArrayList<>();
    List<Outcome<GracefulStop>> results = new ArrayList<>();
    world.castAt(seconds(1), "job-1");
    world.at(seconds(5), "SIGTERM c-vol-1", () -> world.client(stopping).stopConsuming(seconds(10))
        .whenComplete(outcome -> {
          results.add(outcome);
          stoppedAt.add(world.simulation.nowNanos());
        }));
    world.simulation.runUntil(seconds(30));

    assertThat(results).containsExactly(Outcome.success(GracefulStop.TIMED_OUT));
    assertThat(stoppedAt).containsExactly(seconds(15));
    assertThat(world.client(stopping).inFlightCount()).isOne();
    assertThat(world.simulation.probes().count("broker.client.graceful-stop-timed-out")).isOne();
  }

  @Test
  void gracefulShutdown_handsBackADeliveryThatArrivesAfterTheStop() {
    BrokerWorld slow = new BrokerWorld(1, BrokerOptions.osloDefaults(),
        LinkProfile.reliable(millis(100), millis(100)));
    NodeId stopping = slow.addWorker("c-vol-1", seconds(5));
    NodeId staying = slow.addWorker("c-vol-2", seconds(5));
    slow.castAt(millis(500), "job-0");
    slow.castAt(millis(600), "job-x");
    slow.castAt(seconds(1), "job-1");
    // job-1 reaches c-vol-1 at 1.2 s: it is stopping since 1.15 s (job-0 still runs), and its
    // cancel has not landed yet, so it hands job-1 back.
    slow.at(seconds(1) + millis(150), "SIGTERM c-vol-1", () -> slow.client(stopping).stopConsuming(seconds(60)));
    slow.simulation.runUntil(seconds(30));

    assertThat(slow.startedBy(stopping)).extracting(Work::job).containsExactly("job-0");
    assertThat(slow.startedBy(staying)).extracting(Work::job).containsExactly("job-x", "job-1");
    assertThat(slow.log.entries(BrokerEvent.REQUEUED)).singleElement()
        .satisfies(entry -> assertThat(entry.detail()).isEqualTo("rejected"));
  }

  @Test
  void call_whoseHandlerFails_failsTheCaller() {
    world.addWorker("c-vol-1", seconds(1));
    world.at(seconds(1), "call", () -> calls.add(world.publisher().call(BrokerWorld.TOPIC,
        new Job(BrokerWorld.FAILING_JOB), Done.class, seconds(30))));
    world.simulation.runUntil(seconds(10));

    assertThat(((Outcome.Failed<Done>) calls.get(0).outcome()).failure()).isInstanceOf(Failure.Error.class);
    assertThat(world.log.entries(BrokerEvent.DISPATCH_FAILED)).hasSize(1);
    assertThat(world.log.fates().values()).containsExactly(MessageFate.DONE);
  }

  @Test
  void gracefulShutdown_alsoRunsWhatWaitedForAWorker() {
    BrokerWorld narrow = BrokerWorld.reliable(BrokerOptions.osloDefaults().withExecutorThreadPoolSize(1));
    NodeId stopping = narrow.addWorker("c-vol-1", seconds(10));
    List<Long> stoppedAt = new ArrayList<>();
    narrow.castAt(seconds(1), "job-1");
    narrow.castAt(seconds(1), "job-2");
    narrow.at(seconds(5), "SIGTERM c-vol-1", () -> narrow.client(stopping).stopConsuming(seconds(60))
        .whenComplete(outcome -> stoppedAt.add(narrow.simulation.nowNanos())));
    narrow.simulation.runUntil(seconds(60));

    assertThat(narrow.finished).extracting(Work::job).containsExactly("job-1", "job-2");
    assertThat(stoppedAt).singleElement().satisfies(at -> assertThat(at).isBetween(seconds(21), seconds(22)));
  }
}

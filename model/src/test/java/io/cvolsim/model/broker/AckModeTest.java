package io.cvolsim.model.broker;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.sim.LinkProfile;
import io.cvolsim.model.broker.BrokerWorld.Work;
import org.junit.jupiter.api.Test;

/**
 * V18: what a consumer's death or freeze costs under each acknowledgement mode. Two members of a
 * cluster, jobs of 30 s; the first member takes the job, then crashes or freezes at 5 s.
 */
class AckModeTest {
  private static final long CRASH_AT = seconds(5);
  private static final BrokerOptions OSLO = BrokerOptions.osloDefaults();
  private static final BrokerOptions ACK_AFTER = OSLO.withAckMode(AckMode.AFTER_COMPLETION);

  private BrokerWorld world;
  private NodeId first;
  private NodeId second;

  private void twoMembersOneJob(BrokerOptions options) {
    world = BrokerWorld.reliable(options);
    first = world.addWorker("c-vol-1", seconds(30));
    second = world.addWorker("c-vol-2", seconds(30));
    world.castAt(seconds(1), "create-v1");
  }

  private void crashFirstMemberAtFiveSeconds(BrokerOptions options) {
    twoMembersOneJob(options);
    world.at(CRASH_AT, "crash c-vol-1", () -> world.simulation.crash(first));
    world.simulation.runUntil(seconds(200));
  }

  private void freezeFirstMemberFromFiveTo150Seconds(BrokerOptions options) {
    twoMembersOneJob(options);
    world.at(CRASH_AT, "pause c-vol-1", () -> world.simulation.pause(first));
    world.at(seconds(150), "resume c-vol-1", () -> world.simulation.resume(first));
    world.simulation.runUntil(seconds(300));
  }

  private long onlyMessage() {
    assertThat(world.log.fates()).hasSize(1);
    return world.log.fates().firstKey();
  }

  @Test
  void beforeDispatch_crashAfterTheAckLosesTheJob() {
    crashFirstMemberAtFiveSeconds(OSLO);

    long message = onlyMessage();
    assertThat(world.startOrder()).containsExactly(first);
    assertThat(world.finished).isEmpty();
    assertThat(world.log.entries(BrokerEvent.ACKED)).extracting(BrokerLogEntry::messageId).containsExactly(message);
    assertThat(world.log.entries(BrokerEvent.CONNECTION_DEAD)).extracting(BrokerLogEntry::node).containsExactly(first);
    assertThat(world.log.lost()).containsExactly(message);
    assertThat(world.log.entries(BrokerEvent.REQUEUED)).isEmpty();
  }

  @Test
  void afterCompletion_redeliversToAnotherConsumerAfterTheHeartbeatTimeout() {
    crashFirstMemberAtFiveSeconds(ACK_AFTER);

    long message = onlyMessage();
    Work redelivery = world.startedBy(second).get(0);
    assertThat(redelivery.redelivered()).isTrue();
    assertThat(redelivery.atNanos()).as("the broker notices only when heartbeats are missing for 60 s")
        .isBetween(CRASH_AT + seconds(50), CRASH_AT + seconds(75));
    assertThat(world.finished).extracting(Work::node).containsExactly(second);
    assertThat(world.log.fates()).containsEntry(message, MessageFate.DONE);
    assertThat(world.log.entries(BrokerEvent.REQUEUED)).hasSize(1);
    assertThat(world.log.executedMoreThanOnce()).containsExactly(message);
    assertThat(world.log.completedMoreThanOnce()).isEmpty();
  }

  @Test
  void beforeDispatch_deliveryNotYetReceivedIsRedeliveredAfterTheTimeout() {
    world = new BrokerWorld(1, OSLO, LinkProfile.reliable(millis(100), millis(100)));
    first = world.addWorker("c-vol-1", seconds(30));
    second = world.addWorker("c-vol-2", seconds(30));
    world.castAt(seconds(1), "create-v1");
    // Published at 1.1 s, delivered to c-vol-1 at 1.2 s: it dies with the delivery on the wire.
    world.at(seconds(1) + millis(150), "crash c-vol-1", () -> world.simulation.crash(first));
    world.simulation.runUntil(seconds(200));

    assertThat(world.startOrder()).containsExactly(second);
    assertThat(world.started.get(0).redelivered()).isTrue();
    assertThat(world.started.get(0).atNanos()).isGreaterThan(seconds(50));
    assertThat(world.log.fates().values()).containsExactly(MessageFate.DONE);
  }

  @Test
  void pausedConsumer_isRedeliveredOnlyAfterTheTimeout_andTheZombieCompletesItToo() {
    freezeFirstMemberFromFiveTo150Seconds(ACK_AFTER);

    long message = onlyMessage();
    BrokerLogEntry death = world.log.entries(BrokerEvent.CONNECTION_DEAD).get(0);
    assertThat(death.node()).isEqualTo(first);
    assertThat(death.atNanos()).isGreaterThan(CRASH_AT + seconds(50));
    assertThat(world.startedBy(second)).singleElement()
        .satisfies(work -> assertThat(work.atNanos()).isGreaterThanOrEqualTo(death.atNanos()));
    assertThat(world.finished).extracting(Work::node).containsExactlyInAnyOrder(first, second);
    assertThat(world.log.completedMoreThanOnce()).containsExactly(message);
    assertThat(world.simulation.probes().count("broker.client.ack-on-lost-connection"))
        .as("the zombie's ack has no connection to go on").isOne();
    assertThat(world.log.entries(BrokerEvent.CONNECTION_OPENED)).extracting(BrokerLogEntry::node)
        .as("the zombie reconnects after resuming").containsExactly(first, second, first);
  }

  @Test
  void pausedConsumer_underBeforeDispatch_finishesTheJobLate_withoutADouble() {
    freezeFirstMemberFromFiveTo150Seconds(OSLO);

    assertThat(world.startOrder()).containsExactly(first);
    assertThat(world.finished).singleElement()
        .satisfies(work -> assertThat(work.atNanos()).isGreaterThanOrEqualTo(seconds(150)));
    assertThat(world.log.fates().values()).containsExactly(MessageFate.DONE);
  }

  @Test
  void consumerCutOffFromTheBroker_isDeclaredDead_andRejoinsTheRotationAfterHealing() {
    twoMembersOneJob(ACK_AFTER);
    world.at(CRASH_AT, "partition c-vol-1 from the broker",
        () -> world.simulation.network().blockBoth(first, BrokerWorld.BROKER));
    world.at(seconds(100), "heal", () -> world.simulation.network().healAll());
    world.castAt(seconds(120), "create-v2");
    world.castAt(seconds(120), "create-v3");
    world.simulation.runUntil(seconds(300));

    assertThat(world.finished).filteredOn(work -> work.job().equals("create-v1")).extracting(Work::node)
        .as("the cut-off member finished its copy too").containsExactlyInAnyOrder(first, second);
    assertThat(world.startedBy(first)).extracting(Work::job).contains("create-v1")
        .containsAnyOf("create-v2", "create-v3");
    assertThat(world.simulation.probes().count("broker.client.connection-lost")).isOne();
  }

  @Test
  void zombieUnderBeforeDispatch_skipsDeliveriesBufferedOnItsDeadConnection() {
    twoMembersOneJob(OSLO);
    world.castAt(seconds(6), "create-v2");
    world.castAt(seconds(7), "create-v3");
    world.at(CRASH_AT, "pause c-vol-1", () -> world.simulation.pause(first));
    world.at(seconds(150), "resume c-vol-1", () -> world.simulation.resume(first));
    world.simulation.runUntil(seconds(300));

    assertThat(world.startedBy(first)).extracting(Work::job).as("create-v3 reached it while frozen")
        .containsExactly("create-v1");
    assertThat(world.startedBy(second)).extracting(Work::job).containsExactly("create-v2", "create-v3");
    assertThat(world.log.entries(BrokerEvent.REQUEUED)).extracting(BrokerLogEntry::node).containsExactly(first);
    assertThat(world.log.executedMoreThanOnce()).isEmpty();
    assertThat(world.log.fates().values()).containsOnly(MessageFate.DONE);
  }

  @Test
  void beforeDispatch_deliveriesWaitingForAWorkerAreRequeued_onlyTheRunningOneIsLost() {
    world = BrokerWorld.reliable(OSLO.withPrefetchCount(0).withExecutorThreadPoolSize(1));
    first = world.addWorker("c-vol-1", seconds(30));
    world.castAt(seconds(1), "create-v1");
    world.castAt(seconds(1), "create-v2");
    world.at(CRASH_AT, "crash c-vol-1", () -> world.simulation.crash(first));
    world.at(seconds(6), "c-vol-2 joins", () -> second = world.addWorker("c-vol-2", seconds(30)));
    world.simulation.runUntil(seconds(200));

    assertThat(world.startedBy(first)).extracting(Work::job).containsExactly("create-v1");
    assertThat(world.startedBy(second)).extracting(Work::job).containsExactly("create-v2");
    assertThat(world.log.lost()).hasSize(1);
    assertThat(world.log.withFate(MessageFate.DONE)).hasSize(1);
    assertThat(world.simulation.probes().count("broker.client.all-workers-busy")).isOne();
  }

  /**
   * after-success hands a failed job back after 5, 10, 20, 40 and 80 s. A handler error is given
   * up after the fifth; a timeout (the database out of reach) is not the job's fault and keeps
   * coming back, every 80 s, so no job is lost however long the cut lasts (hardened seed 1365).
   */
  @Test
  void afterSuccess_givesUpOnAFailingJob_butNotOnOneThatTimesOut() {
    world = BrokerWorld.reliable(OSLO.withAckMode(AckMode.AFTER_SUCCESS));
    first = world.addWorker("c-vol-1", seconds(1));
    world.castAt(seconds(1), BrokerWorld.FAILING_JOB);
    world.castAt(seconds(1), BrokerWorld.TIMING_OUT_JOB);
    world.simulation.runUntil(seconds(600));

    assertThat(world.startedBy(first).stream().filter(work -> work.job().equals(BrokerWorld.FAILING_JOB)))
        .hasSize(6);
    assertThat(world.startedBy(first).stream().filter(work -> work.job().equals(BrokerWorld.TIMING_OUT_JOB)))
        .hasSizeGreaterThan(8);
  }
}

package io.cvolsim.model.broker;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.broker.BrokerWorld.Work;
import org.junit.jupiter.api.Test;

/** Non-durable queues: a broker restart loses what it held; consumers reconnect on their own. */
class BrokerRestartTest {

  @Test
  void restart_losesQueuedMessages_andConsumersReconnect() {
    BrokerWorld world = BrokerWorld.reliable(
        BrokerOptions.osloDefaults().withAckMode(AckMode.AFTER_COMPLETION).withPrefetchCount(1));
    NodeId worker = world.addWorker("c-vol-1", seconds(100));
    world.castAt(seconds(1), "job-1");
    world.castAt(seconds(1), "job-2");
    world.at(seconds(10), "crash broker", () -> world.simulation.crash(BrokerWorld.BROKER));
    world.at(seconds(20), "restart broker", () -> world.simulation.restart(BrokerWorld.BROKER));
    world.castAt(seconds(60), "job-3");
    world.simulation.runUntil(seconds(200));

    assertThat(world.startedBy(worker)).extracting(Work::job).containsExactly("job-1", "job-3");
    assertThat(world.log.withFate(MessageFate.LOST_WITH_BROKER)).hasSize(1);
    assertThat(world.log.entries(BrokerEvent.CONNECTION_OPENED)).hasSize(2);
    assertThat(world.finished).extracting(Work::job).containsExactly("job-1", "job-3");
  }
}

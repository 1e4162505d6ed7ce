package io.cvolsim.model.broker;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Ratio;
import io.cvolsim.kernel.sim.LinkProfile;
import io.cvolsim.model.broker.BrokerWorld.Work;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * AMQP runs over TCP: a frame lost on a live connection is sent again, not dropped. A consumer
 * cut off for less than the heartbeat timeout keeps its connection and gets its work late.
 */
class LossyLinkTest {

  @Test
  void shortPartition_delaysADeliveryButNeitherLosesNorMovesIt() {
    BrokerWorld world = BrokerWorld.reliable(BrokerOptions.osloDefaults());
    NodeId first = world.addWorker("c-vol-1", seconds(5));
    world.addWorker("c-vol-2", seconds(5));
    world.at(millis(900), "cut c-vol-1 off", () -> world.simulation.network().blockBoth(first, BrokerWorld.BROKER));
    world.castAt(seconds(1), "create-v1");
    world.at(seconds(20), "heal", () -> world.simulation.network().healAll());
    world.simulation.runUntil(seconds(100));

    assertThat(world.started).singleElement().satisfies(work -> {
      assertThat(work.node()).isEqualTo(first);
      assertThat(work.atNanos()).isGreaterThanOrEqualTo(seconds(20));
    });
    assertThat(world.log.fates().values()).containsExactly(MessageFate.DONE);
    assertThat(world.log.entries(BrokerEvent.CONNECTION_DEAD)).isEmpty();
    assertThat(world.simulation.probes().count("broker.delivery-resent")).isOne();
  }

  @Test
  void lossyLinks_underEitherAckMode_stillRunEveryJobExactlyOnce() {
    for (AckMode mode : AckMode.values()) {
      LinkProfile lossy = new LinkProfile(millis(1), millis(50), Ratio.percent(20), Ratio.ZERO);
      BrokerWorld world = new BrokerWorld(3, BrokerOptions.osloDefaults().withAckMode(mode), lossy);
      world.addWorker("c-vol-1", seconds(2));
      world.addWorker("c-vol-2", seconds(3));
      for (int job = 1; job <= 20; job++) {
        world.castAt(seconds(job), "job-" + job);
      }
      world.simulation.runUntil(seconds(200));

      Map<String, Long> startsPerJob = world.started.stream()
          .collect(Collectors.groupingBy(Work::job, TreeMap::new, Collectors.counting()));
      assertThat(startsPerJob.values()).as(mode.optionValue()).containsOnly(1L);
      assertThat(startsPerJob).as("every published job ran; casts lost before the broker never existed")
          .hasSize(world.log.entries(BrokerEvent.PUBLISHED).size());
      assertThat(world.log.fates().values()).as(mode.optionValue()).containsOnly(MessageFate.DONE);
      assertThat(world.simulation.probes().count("broker.delivery-resent")).as(mode.optionValue()).isPositive();
    }
  }
}

package io.cvolsim.model.broker;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.sim.LinkProfile;
import io.cvolsim.model.broker.BrokerWorld.Work;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Members of a cluster compete on one queue: each message goes to one of them, in turn. */
class CompetingConsumersTest {

  @Test
  void roundRobin_spreadsCastsEvenlyAcrossThreeConsumers() {
    BrokerWorld world = BrokerWorld.reliable(BrokerOptions.osloDefaults());
    NodeId first = world.addWorker("c-vol-1", seconds(1));
    NodeId second = world.addWorker("c-vol-2", seconds(1));
    NodeId third = world.addWorker("c-vol-3", seconds(1));
    for (int job = 1; job <= 9; job++) {
      world.castAt(seconds(1), "job-" + job);
    }
    world.simulation.runUntil(seconds(30));

    assertThat(world.startOrder()).containsExactly(first, second, third, first, second, third, first,
        second, third);
    assertThat(world.finished).hasSize(9);
  }

  @Test
  void cast_isConsumedByExactlyOneConsumer() {
    BrokerWorld world = new BrokerWorld(17, BrokerOptions.osloDefaults(),
        LinkProfile.reliable(millis(1), millis(80)));
    world.addWorker("c-vol-1", millis(300));
    world.addWorker("c-vol-2", millis(700));
    world.addWorker("c-vol-3", millis(50));
    for (int job = 1; job <= 30; job++) {
      world.castAt(seconds(1) + millis(37L * job), "job-" + job);
    }
    world.simulation.runUntil(seconds(30));

    Map<String, Long> startsPerJob = world.started.stream()
        .collect(Collectors.groupingBy(Work::job, TreeMap::new, Collectors.counting()));
    assertThat(startsPerJob).hasSize(30).allSatisfy((job, count) -> assertThat(count).isOne());
    assertThat(world.log.fates().values()).hasSize(30).containsOnly(MessageFate.DONE);
  }

  @Test
  void fanout_reachesEveryConsumerOnce() {
    BrokerWorld world = BrokerWorld.reliable(BrokerOptions.osloDefaults());
    List<NodeId> workers = List.of(world.addWorker("c-vol-1", seconds(1)), world.addWorker("c-vol-2", seconds(1)),
        world.addWorker("c-vol-3", seconds(1)));
    world.at(seconds(1), "fanout", () -> world.publisher().fanout(BrokerWorld.TOPIC, new BrokerWorld.Job("caps")));
    world.simulation.runUntil(seconds(10));

    assertThat(world.startOrder()).containsExactlyInAnyOrderElementsOf(workers);
    assertThat(world.log.entries(BrokerEvent.PUBLISHED)).hasSize(3)
        .allSatisfy(entry -> assertThat(entry.detail()).isEqualTo("fanout"));
    assertThat(world.started.stream().map(Work::messageId).distinct()).hasSize(3);
  }

  @Test
  void prefetchLimit_skipsAFullConsumer() {
    BrokerWorld world = BrokerWorld.reliable(
        BrokerOptions.osloDefaults().withAckMode(AckMode.AFTER_COMPLETION).withPrefetchCount(1));
    NodeId slow = world.addWorker("c-vol-1", seconds(100));
    NodeId fast = world.addWorker("c-vol-2", seconds(1));
    world.castAt(seconds(1), "job-1");
    world.castAt(seconds(1), "job-2");
    world.castAt(seconds(1), "job-3");
    world.simulation.runUntil(seconds(20));

    Map<String, NodeId> takenBy = world.started.stream()
        .collect(Collectors.toMap(Work::job, Work::node, (a, b) -> a, TreeMap::new));
    assertThat(takenBy).containsEntry("job-1", slow).containsEntry("job-2", fast).containsEntry("job-3", fast);
    assertThat(world.startedBy(fast).get(1).atNanos()).as("job-3 waits for the fast consumer's ack")
        .isGreaterThanOrEqualTo(seconds(2));
  }

  @Test
  void castToAnUndeclaredTopic_isDroppedAsUnroutable() {
    BrokerWorld world = BrokerWorld.reliable(BrokerOptions.osloDefaults());
    world.addWorker("c-vol-1", seconds(1));
    world.at(seconds(1), "cast elsewhere",
        () -> world.publisher().cast(QueueNames.SCHEDULER_TOPIC, new BrokerWorld.Job("lost")));
    world.simulation.runUntil(seconds(5));

    assertThat(world.started).isEmpty();
    assertThat(world.log.withFate(MessageFate.UNROUTABLE)).hasSize(1);
    assertThat(world.simulation.probes().count("broker.unroutable")).isOne();
  }

  @Test
  void fanoutCopyHeldByADeadConsumer_isDiscarded_notPassedOn() {
    BrokerWorld world = BrokerWorld.reliable(BrokerOptions.osloDefaults().withAckMode(AckMode.AFTER_COMPLETION));
    NodeId doomed = world.addWorker("c-vol-1", seconds(30));
    NodeId survivor = world.addWorker("c-vol-2", seconds(1));
    world.at(seconds(1), "fanout", () -> world.publisher().fanout(BrokerWorld.TOPIC, new BrokerWorld.Job("failover")));
    world.at(seconds(5), "crash", () -> world.simulation.crash(doomed));
    world.simulation.runUntil(seconds(120));

    assertThat(world.startOrder()).containsExactlyInAnyOrder(doomed, survivor);
    assertThat(world.log.withFate(MessageFate.DISCARDED)).hasSize(1);
    assertThat(world.log.withFate(MessageFate.DONE)).hasSize(1);
  }
}

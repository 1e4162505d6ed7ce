package io.cvolsim.model.broker;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.broker.BrokerMessage.Cancel;
import io.cvolsim.model.broker.BrokerMessage.Connect;
import io.cvolsim.model.broker.BrokerMessage.Connected;
import io.cvolsim.model.broker.BrokerMessage.Deliver;
import io.cvolsim.model.broker.BrokerMessage.Heartbeat;
import io.cvolsim.model.broker.BrokerMessage.Subscribe;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulated network reorders what TCP keeps in order. A heartbeat that still lists a topic,
 * overtaken by the cancel sent after it, must not subscribe the consumer again.
 */
class OvertakenFrameTest {
  private static final NodeId RAW = NodeId.of("raw-consumer");

  /** A consumer speaking the broker protocol frame by frame, as the test scripts it. */
  static final class RawConsumer implements Node {
    private final NodeContext context;
    final List<Deliver> delivered = new ArrayList<>();
    long connectionId;

    RawConsumer(NodeContext context) {
      this.context = context;
    }

    @Override
    public void start() {
      context.call(BrokerWorld.BROKER, new Connect(), Connected.class, seconds(1))
          .map(connected -> connectionId = connected.connectionId());
    }

    void send(BrokerMessage frame) {
      context.send(BrokerWorld.BROKER, frame);
    }

    @Override
    public void onMessage(Incoming incoming) {
      delivered.add((Deliver) incoming.message());
    }
  }

  @Test
  void heartbeatOvertakenByALaterCancel_doesNotSubscribeAgain() {
    BrokerWorld world = BrokerWorld.reliable(BrokerOptions.osloDefaults());
    List<RawConsumer> raw = new ArrayList<>();
    world.simulation.addNode(RAW, context -> {
      RawConsumer consumer = new RawConsumer(context);
      raw.add(consumer);
      return consumer;
    });
    world.addWorker("c-vol-1", seconds(1));
    String topic = BrokerWorld.TOPIC;
    world.at(seconds(1), "subscribe", () -> raw.get(0).send(new Subscribe(raw.get(0).connectionId, 1, topic)));
    world.at(seconds(2), "cancel", () -> raw.get(0).send(new Cancel(raw.get(0).connectionId, 3, topic)));
    world.at(seconds(2) + millis(10), "overtaken heartbeat",
        () -> raw.get(0).send(new Heartbeat(raw.get(0).connectionId, 2, List.of(topic), List.of())));
    for (int job = 1; job <= 4; job++) {
      world.castAt(seconds(3), "job-" + job);
    }
    world.simulation.runUntil(seconds(5));

    assertThat(raw.get(0).delivered).isEmpty();
    assertThat(world.started).hasSize(4);
    assertThat(world.simulation.probes().count("broker.overtaken-topic-frame")).isOne();
  }
}

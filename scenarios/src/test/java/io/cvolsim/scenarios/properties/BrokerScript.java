package io.cvolsim.scenarios.properties;

import static io.cvolsim.kernel.api.Durations.seconds;

import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Message;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.broker.BrokerClient;
import io.cvolsim.model.broker.BrokerLog;
import io.cvolsim.model.broker.BrokerNode;
import io.cvolsim.model.broker.BrokerOptions;
import io.cvolsim.model.broker.BrokerSequences;
import io.cvolsim.model.broker.Dispatch;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real broker and two c-vol stand-ins consuming one cluster topic, each job taking 30 s: the
 * broker log shows what a consumer's crash does to a job under each acknowledgement mode.
 */
final class BrokerScript {
  static final NodeId BROKER = NodeId.of("broker");
  static final String TOPIC = "cinder-volume.cluster1@lvm";

  /** A job's payload. */
  record Job(String name) implements Message {}

  final TestWorld world = new TestWorld(3);
  final BrokerLog log = new BrokerLog(world.simulation::nowNanos);
  private final BrokerOptions options;
  private final Map<String, BrokerClient> clients = new TreeMap<>();

  BrokerScript(BrokerOptions options) {
    this.options = options;
    world.simulation.addNode(BROKER, context -> new BrokerNode(context, options, log, new BrokerSequences()));
    world.simulation.addNode(NodeId.of("api"), context -> consumer(context, false));
    world.simulation.addNode(NodeId.of("c-vol-1"), context -> consumer(context, true));
    world.simulation.addNode(NodeId.of("c-vol-2"), context -> consumer(context, true));
  }

  private Node consumer(NodeContext context, boolean subscribes) {
    BrokerClient client = new BrokerClient(context, BROKER, options, log);
    clients.put(context.self().name(), client);
    return new Node() {
      @Override
      public void start() {
        if (subscribes) {
          client.subscribe(TOPIC, (Dispatch dispatch) -> context.sleep("work", seconds(30)).map(done -> dispatch.payload()));
        }
      }

      @Override
      public void onMessage(Incoming incoming) {
        if (!client.onMessage(incoming)) {
          throw new IllegalStateException("unexpected " + incoming.message());
        }
      }
    };
  }

  /** The API casts one job at 1 s; the consumer that takes it crashes at 5 s. */
  BrokerScript oneJobWhoseConsumerCrashes() {
    world.at(seconds(1), "cast", () -> clients.get("api").cast(TOPIC, new Job("create-v1")));
    world.at(seconds(5), "crash the busy consumer", () -> {
      String busy = clients.get("c-vol-1").inFlightCount() > 0 ? "c-vol-1" : "c-vol-2";
      world.simulation.crash(NodeId.of(busy));
    });
    world.runUntil(seconds(200));
    return this;
  }
}

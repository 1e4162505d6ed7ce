package io.cvolsim.model.broker;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Message;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.kernel.choice.RecordingChoices;
import io.cvolsim.kernel.sim.LinkProfile;
import io.cvolsim.kernel.sim.Simulation;
import io.cvolsim.kernel.sim.SimulationOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A broker, a publisher and consumers that take each job for a fixed work time, with everything
 * the tests look at: who started and who finished which message, and when (true time).
 */
final class BrokerWorld {
  static final NodeId BROKER = NodeId.of("broker");
  static final NodeId PUBLISHER = NodeId.of("publisher");
  static final String TOPIC = QueueNames.volumeTopic(QueueNames.clusterName("cluster1", "lvm"));
  /** A job whose handler fails after its work time, as a driver error would. */
  static final String FAILING_JOB = "driver-error";
  /** A job whose handler times out after its work time, as one on a database cut off would. */
  static final String TIMING_OUT_JOB = "database-unreachable";

  record Job(String name) implements Message {}

  record Done(String job, NodeId by) implements Message {}

  /** A handler starting or finishing a message. */
  record Work(long atNanos, NodeId node, long messageId, String job, boolean redelivered) {}

  final Simulation simulation;
  final BrokerOptions options;
  final BrokerLog log;
  final List<Work> started = new ArrayList<>();
  final List<Work> finished = new ArrayList<>();
  /** The running incarnation of each consumer node. */
  final Map<NodeId, Worker> workers = new TreeMap<>();
  private Publisher publisher;

  BrokerWorld(long seed, BrokerOptions options, LinkProfile link) {
    this.simulation = new Simulation(new SimulationOptions(1_000_000, true, link), RecordingChoices.seeded(seed));
    this.options = options;
    this.log = new BrokerLog(simulation::nowNanos);
    BrokerSequences sequences = new BrokerSequences();
    simulation.addNode(BROKER, context -> new BrokerNode(context, options, log, sequences));
    simulation.addNode(PUBLISHER, context -> publisher = new Publisher(context, this));
  }

  /** One millisecond on every link, so the order of events is easy to reason about. */
  static BrokerWorld reliable(BrokerOptions options) {
    return new BrokerWorld(1, options, LinkProfile.reliable(Durations.millis(1), Durations.millis(1)));
  }

  NodeId addWorker(String name, long workNanos) {
    NodeId id = NodeId.of(name);
    simulation.addNode(id, context -> new Worker(context, this, workNanos));
    return id;
  }

  BrokerClient publisher() {
    return publisher.client;
  }

  BrokerClient client(NodeId worker) {
    return workers.get(worker).client;
  }

  void at(long atNanos, String label, Runnable action) {
    simulation.scheduleAt(atNanos, label, action);
  }

  void castAt(long atNanos, String job) {
    at(atNanos, "cast " + job, () -> publisher().cast(TOPIC, new Job(job)));
  }

  List<Work> startedBy(NodeId node) {
    return started.stream().filter(work -> work.node().equals(node)).toList();
  }

  List<NodeId> startOrder() {
    return started.stream().map(Work::node).toList();
  }

  static final class Publisher implements Node {
    final BrokerClient client;

    Publisher(NodeContext context, BrokerWorld world) {
      this.client = new BrokerClient(context, BROKER, world.options, world.log);
    }

    @Override
    public void start() {}

    @Override
    public void onMessage(Incoming incoming) {
      if (!client.onMessage(incoming)) {
        throw new IllegalStateException("publisher got " + incoming.message());
      }
    }
  }

  /** A consumer whose every job takes {@code workNanos} of its own clock. */
  static final class Worker implements Node {
    private final NodeContext context;
    private final BrokerWorld world;
    private final long workNanos;
    final BrokerClient client;

    Worker(NodeContext context, BrokerWorld world, long workNanos) {
      this.context = context;
      this.world = world;
      this.workNanos = workNanos;
      this.client = new BrokerClient(context, BROKER, world.options, world.log);
      world.workers.put(context.self(), this);
    }

    @Override
    public void start() {
      client.subscribe(TOPIC, this::work);
    }

    private SimFuture<Done> work(Dispatch dispatch) {
      String job = ((Job) dispatch.payload()).name();
      world.started.add(record(dispatch, job));
      return context.sleep("work " + job, workNanos).flatMap(ignored -> {
        world.finished.add(record(dispatch, job));
        if (FAILING_JOB.equals(job)) {
          return SimFuture.failed(Failure.error("driver error"));
        }
        return TIMING_OUT_JOB.equals(job) ? SimFuture.failed(new Failure.TimedOut("database", workNanos))
            : SimFuture.succeeded(new Done(job, context.self()));
      });
    }

    private Work record(Dispatch dispatch, String job) {
      return new Work(world.simulation.nowNanos(), context.self(), dispatch.messageId(), job, dispatch.redelivered());
    }

    @Override
    public void onMessage(Incoming incoming) {
      if (!client.onMessage(incoming)) {
        throw new IllegalStateException("worker got " + incoming.message());
      }
    }
  }
}

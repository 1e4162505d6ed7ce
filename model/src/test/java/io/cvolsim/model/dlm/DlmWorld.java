package io.cvolsim.model.dlm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.kernel.choice.RecordingChoices;
import io.cvolsim.kernel.sim.LinkProfile;
import io.cvolsim.kernel.sim.Simulation;
import io.cvolsim.kernel.sim.SimulationOptions;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DatabaseNode;
import io.cvolsim.model.db.DbClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A small world for DLM tests: the coordination servers, the database and client nodes, each
 * client incarnation with its own {@link LockCoordinator}. Actions are scheduled at true times.
 */
final class DlmWorld {
  static final NodeId SERVER = NodeId.of("dlm");
  static final NodeId DATABASE = NodeId.of("db");

  final Simulation simulation;
  final LockLog log;
  final EtcdStore etcd = new EtcdStore();
  final ZooKeeperStore zooKeeper = new ZooKeeperStore();
  final Database database = new Database();
  private final DlmOptions options;
  private final Map<NodeId, LockCoordinator> coordinators = new TreeMap<>();
  private final Map<NodeId, NodeContext> contexts = new TreeMap<>();

  DlmWorld(long seed, DlmOptions options) {
    this.options = options;
    this.simulation = new Simulation(new SimulationOptions(2_000_000, true,
        LinkProfile.reliable(Durations.millis(1), Durations.millis(5))), RecordingChoices.seeded(seed));
    this.log = new LockLog(simulation::nowNanos);
    simulation.addNode(DATABASE, context -> new DatabaseNode(context, database));
    simulation.addNode(SERVER, context -> options.backend() == CoordinationBackend.ZOOKEEPER
        ? new ZooKeeperServerNode(context, zooKeeper, log)
        : new EtcdServerNode(context, etcd, log));
  }

  /** A world on the backend's default options with these clients. */
  static DlmWorld withClients(long seed, CoordinationBackend backend, String... clients) {
    DlmWorld world = new DlmWorld(seed, options(backend));
    for (String client : clients) {
      world.client(client);
    }
    return world;
  }

  /** Pauses {@code client} over {@code [fromNanos, untilNanos)}, a stop-the-world stall. */
  void pauseBetween(String client, long fromNanos, long untilNanos) {
    at(fromNanos, "pause " + client, () -> simulation.pause(NodeId.of(client)));
    at(untilNanos, "resume " + client, () -> simulation.resume(NodeId.of(client)));
  }

  static DlmOptions options(CoordinationBackend backend) {
    return DlmOptions.defaults(backend, SERVER, DATABASE);
  }

  static long seconds(long seconds) {
    return Durations.seconds(seconds);
  }

  DlmWorld client(String name) {
    NodeId id = NodeId.of(name);
    simulation.addNode(id, context -> {
      contexts.put(id, context);
      coordinators.put(id, new LockCoordinator(context, options, log));
      return new Node() {
        @Override
        public void start() {}

        @Override
        public void onMessage(Incoming incoming) {
          throw new IllegalStateException("clients take no messages: " + incoming);
        }
      };
    });
    return this;
  }

  LockCoordinator coordinator(String name) {
    return coordinators.get(NodeId.of(name));
  }

  NodeContext context(String name) {
    return contexts.get(NodeId.of(name));
  }

  void at(long trueNanos, String label, Runnable action) {
    simulation.scheduleAt(trueNanos, label, action);
  }

  /** Starts an operation at {@code trueNanos}; the returned box fills when it completes. */
  <T> Result<T> startAt(long trueNanos, String label, Supplier<SimFuture<T>> operation) {
    Result<T> result = new Result<>();
    at(trueNanos, label, () -> operation.get().whenComplete(result::set));
    return result;
  }

  /** Acquires {@code lock} on {@code client} at {@code trueNanos}, waiting forever. */
  Result<LockGrant> acquireAt(long trueNanos, String client, String lock) {
    return startAt(trueNanos, client + " acquires " + lock, () -> coordinator(client).acquire(lock));
  }

  /** Releases what {@code grant} holds once it has been granted, at {@code trueNanos}. */
  void releaseAt(long trueNanos, String client, Result<LockGrant> grant) {
    at(trueNanos, client + " releases", () -> coordinator(client).release(grant.value()));
  }

  /** Cleanup's call, made from the database's own client on behalf of a cleaner. */
  Result<Integer> cleanLocksAt(long trueNanos, String cleaner, String deadHolder) {
    return startAt(trueNanos, cleaner + " cleans " + deadHolder, () -> WorkersTableLocks.removeLocksHeldBy(
        new DbClient(contexts.get(NodeId.of(cleaner)), DATABASE, seconds(10)), log, NodeId.of(deadHolder)));
  }


  void runUntil(long trueNanos) {
    simulation.runUntil(trueNanos);
  }

  /** Lock log entries of one kind for one lock, in order. */
  List<LockEvent> events(String lock, LockEvent.Kind kind) {
    List<LockEvent> matching = new ArrayList<>();
    for (LockEvent event : log.eventsFor(lock)) {
      if (event.kind() == kind) {
        matching.add(event);
      }
    }
    return matching;
  }

  long probeCount(String name) {
    return simulation.probes().count(name);
  }

  /** The outcome of an operation started in the world, once it has one. */
  static final class Result<T> {
    private Outcome<T> outcome;

    void set(Outcome<T> value) {
      outcome = value;
    }

    boolean isDone() {
      return outcome != null;
    }

    boolean succeeded() {
      return outcome != null && outcome.isSuccess();
    }

    T value() {
      assertThat(outcome).as("operation outcome").isInstanceOf(Outcome.Success.class);
      return ((Outcome.Success<T>) outcome).value();
    }

    Outcome<T> outcome() {
      return outcome;
    }
  }
}

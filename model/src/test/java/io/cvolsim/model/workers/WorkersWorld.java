package io.cvolsim.model.workers;

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
import io.cvolsim.model.db.DbStatement;
import io.cvolsim.model.db.Row;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A small world for workers-table tests: the database node and client nodes ("api", "c-vol-1"),
 * each with a {@link DbClient}. Operations start at true times; their outcomes fill a box.
 */
final class WorkersWorld {
  static final NodeId DATABASE = NodeId.of("db");

  final Simulation simulation;
  final Database database = new Database();
  final WorkerLog log;
  final WorkersOptions options;
  private final Map<String, NodeContext> contexts = new TreeMap<>();

  WorkersWorld(long seed, WorkersOptions options) {
    this.options = options;
    this.simulation = new Simulation(new SimulationOptions(1_000_000, true,
        LinkProfile.reliable(Durations.millis(1), Durations.millis(5))), RecordingChoices.seeded(seed));
    this.log = new WorkerLog(simulation::nowNanos);
    simulation.addNode(DATABASE, context -> new DatabaseNode(context, database));
  }

  WorkersWorld client(String name) {
    simulation.addNode(NodeId.of(name), context -> {
      contexts.put(name, context);
      return new Node() {
        @Override
        public void start() {}

        @Override
        public void onMessage(Incoming incoming) {
          throw new IllegalStateException("test clients take no messages: " + incoming);
        }
      };
    });
    return this;
  }

  NodeContext context(String name) {
    return contexts.get(name);
  }

  DbClient db(String name) {
    return new DbClient(context(name), DATABASE, Durations.seconds(10));
  }

  WorkerTable table(String name) {
    return new WorkerTable(context(name), db(name), options, log);
  }

  Cleaner cleaner(String name, long serviceId, Function<NodeContext, CleanupAction> action) {
    return new Cleaner(context(name), db(name), options, log, serviceId, action.apply(context(name)));
  }

  /** An action that takes {@code workNanos} of the cleaner's clock and keeps nothing. */
  static Function<NodeContext, CleanupAction> slowAction(long workNanos) {
    return context -> (type, resource, claimed) -> context.sleep("cleanup work", workNanos).map(done -> false);
  }

  /** Starts an operation at {@code trueNanos}; the returned box fills when it completes. */
  <T> Result<T> startAt(long trueNanos, String label, Supplier<SimFuture<T>> operation) {
    Result<T> result = new Result<>();
    simulation.scheduleAt(trueNanos, label, () -> operation.get().whenComplete(result::set));
    return result;
  }

  void runUntil(long trueNanos) {
    simulation.runUntil(trueNanos);
  }

  /** Writes a row straight into a table, as the world's setup, outside simulated time. */
  Row insert(String table, Object... columns) {
    database.execute(new DbStatement.Insert(table, Row.of(Row.values(columns))));
    return database.rows(table).get(database.rows(table).size() - 1);
  }

  /** A volume and the workers row of a cleanable operation on it. */
  long volumeWithWorker(String volumeId, String volumeStatus, String workerStatus, Long serviceId,
      long updatedAtNanos) {
    insert(Database.VOLUMES, "id", volumeId, "status", volumeStatus, "deleted", false);
    Row worker = insert(Database.WORKERS, "resource_type", "Volume", "resource_id", volumeId,
        "status", workerStatus, "service_id", serviceId, "race_preventer", 0L,
        "created_at", updatedAtNanos, "updated_at", updatedAtNanos, "deleted", false);
    return worker.longValue("id", 0);
  }

  Row worker(long id) {
    return database.table(Database.WORKERS).get(id);
  }

  Row volume(String id) {
    return database.table(Database.VOLUMES).get(id);
  }

  long probeCount(String name) {
    return simulation.probes().count(name);
  }

  long count(WorkerEvent.Kind kind) {
    return log.events(kind).size();
  }

  /** The outcome of an operation started in the world, once it has one. */
  static final class Result<T> {
    private Outcome<T> outcome;

    void set(Outcome<T> value) {
      outcome = value;
    }

    T value() {
      assertThat(outcome).as("operation outcome").isInstanceOf(Outcome.Success.class);
      return ((Outcome.Success<T>) outcome).value();
    }

    Outcome<T> outcome() {
      assertThat(outcome).as("operation finished").isNotNull();
      return outcome;
    }
  }
}

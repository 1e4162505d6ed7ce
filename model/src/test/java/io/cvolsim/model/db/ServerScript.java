package io.cvolsim.model.db;

import static io.cvolsim.kernel.api.Durations.millis;

import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.choice.RecordingChoices;
import io.cvolsim.kernel.sim.LinkProfile;
import io.cvolsim.kernel.sim.Simulation;
import io.cvolsim.kernel.sim.SimulationOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A database server and clients that send scripted raw statements at fixed times over links of
 * exactly 1 ms each way, recording when and how each was answered.
 */
final class ServerScript {
  static final NodeId DB = NodeId.of("db");
  static final long STATEMENT_TIMEOUT_NANOS = millis(120_000);

  final Database database = new Database();
  final Simulation simulation = new Simulation(
      new SimulationOptions(1_000_000, false, LinkProfile.reliable(millis(1), millis(1))), RecordingChoices.seeded(1));
  private final Map<String, List<Step>> steps = new TreeMap<>();
  private final Map<String, Answer> answers = new TreeMap<>();

  private record Step(String label, long atNanos, DbStatement statement) {}

  /** How a labelled statement was answered: when, and with what result or failure. */
  record Answer(long atNanos, Outcome<DbResult> outcome) {
    DbResult result() {
      return ((Outcome.Success<DbResult>) outcome).value();
    }

    String error() {
      return String.valueOf(((Outcome.Failed<DbResult>) outcome).failure());
    }

    int count() {
      return ((DbResult.Count) result()).count();
    }

    List<Row> rows() {
      return ((DbResult.Rows) result()).rows();
    }
  }

  ServerScript(DatabaseOptions options) {
    database.execute(new DbStatement.Insert(Database.VOLUMES, Row.of(Row.values("id", "v1", "status", "available"))));
    simulation.addNode(DB, context -> new DatabaseNode(context, database, options));
  }

  /** Client {@code client} sends {@code statement} at {@code atMillis}; its answer is kept as {@code label}. */
  ServerScript at(long atMillis, String client, String label, DbStatement statement) {
    steps.computeIfAbsent(client, name -> new ArrayList<>()).add(new Step(label, millis(atMillis), statement));
    return this;
  }

  ServerScript runFor(long millisTotal) {
    steps.forEach((client, clientSteps) -> simulation.addNode(NodeId.of(client), context -> new ScriptedClient(context, clientSteps)));
    simulation.runUntil(millis(millisTotal));
    return this;
  }

  Answer answer(String label) {
    Answer answer = answers.get(label);
    if (answer == null) {
      throw new AssertionError("no answer to " + label + "; answered: " + answers.keySet());
    }
    return answer;
  }

  boolean answered(String label) {
    return answers.containsKey(label);
  }

  long probe(String name) {
    return simulation.probes().count(name);
  }

  String status() {
    return database.table(Database.VOLUMES).get("v1").string("status");
  }

  private final class ScriptedClient implements Node {
    private final NodeContext context;
    private final List<Step> clientSteps;

    ScriptedClient(NodeContext context, List<Step> clientSteps) {
      this.context = context;
      this.clientSteps = clientSteps;
    }

    @Override
    public void start() {
      for (Step step : clientSteps) {
        context.setTimer(step.label(), step.atNanos(), () -> context.call(DB, step.statement(), DbResult.class,
            STATEMENT_TIMEOUT_NANOS).whenComplete(outcome -> answers.put(step.label(), new Answer(simulation.nowNanos(), outcome))));
      }
    }

    @Override
    public void onMessage(Incoming incoming) {}
  }

  // Statement shorthands for the volume row v1 and transactions numbered per client.

  static TransactionId tx(long number) {
    return new TransactionId(0, number);
  }

  static DbStatement lockVolume(long transaction, boolean first) {
    return new DbStatement.LockingSelect(tx(transaction), first, Database.VOLUMES, "id", "v1");
  }

  static DbStatement commitStatus(long transaction, String status) {
    return new DbStatement.Commit(tx(transaction), List.of(setStatus(status)));
  }

  static DbStatement setStatus(String status) {
    return new DbStatement.Update(Database.VOLUMES, Condition.eq("id", "v1"), List.of(Assignment.set("status", status)));
  }

  static DbStatement casStatus(String expected, String status) {
    return new DbStatement.Update(Database.VOLUMES, Condition.all(Condition.eq("id", "v1"), Condition.eq("status", expected)),
        List.of(Assignment.set("status", status)));
  }
}

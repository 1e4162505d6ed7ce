package io.cvolsim.model.db;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.Ratio;
import io.cvolsim.kernel.choice.RecordingChoices;
import io.cvolsim.kernel.sim.LinkProfile;
import io.cvolsim.kernel.sim.Simulation;
import io.cvolsim.kernel.sim.SimulationOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Deadlock aborts on a multi-master database and Cinder's wrap_db_retry: conditional updates and
 * the workers functions are run again up to five times; a plain save is not.
 */
class DeadlockRetryTest {
  private static final NodeId DB = NodeId.of("db");
  private static final NodeId API = NodeId.of("api");

  private final List<Outcome<?>> outcomes = new ArrayList<>();

  private Simulation world(Ratio deadlocks, Function<DbClient, io.cvolsim.kernel.api.SimFuture<?>> action) {
    Database database = new Database();
    database.execute(new DbStatement.Insert(Database.VOLUMES, Row.of(Row.values("id", "v1", "status", "available"))));
    database.setDeadlockRatio(deadlocks);
    Simulation simulation = new Simulation(
        new SimulationOptions(100_000, false, LinkProfile.reliable(millis(1), millis(1))), RecordingChoices.seeded(3));
    simulation.addNode(DB, context -> new DatabaseNode(context, database));
    simulation.addNode(API, context -> new Node() {
      @Override
      public void start() {
        action.apply(new DbClient(context, DB, seconds(1))).whenComplete(outcomes::add);
      }

      @Override
      public void onMessage(Incoming incoming) {}
    });
    simulation.runUntil(seconds(60));
    return simulation;
  }

  @Test
  void conditionalUpdate_isRetriedFiveTimes_thenFails() {
    Simulation simulation = world(Ratio.ONE, db -> db.conditionalUpdate(Database.VOLUMES, "v1",
        Condition.eq("status", "available"), List.of(Assignment.set("status", "extending"))));
    assertThat(simulation.probes().count("db.deadlock-injected")).isEqualTo(6);
    assertThat(simulation.probes().count("db.deadlock-retries-spent")).isEqualTo(1);
    assertThat(outcomes).singleElement().matches(outcome -> !outcome.isSuccess());
  }

  @Test
  void aSave_isNotRetried() {
    Simulation simulation = world(Ratio.ONE, db -> db.save(Database.VOLUMES, "v1", Row.values("status", "error")));
    assertThat(simulation.probes().count("db.deadlock-injected")).isEqualTo(1);
    assertThat(outcomes).singleElement().matches(outcome -> !outcome.isSuccess());
  }

  @Test
  void occasionalDeadlocks_areRiddenOut() {
    Simulation simulation = world(Ratio.percent(50), db -> db.conditionalUpdate(Database.VOLUMES, "v1",
            Condition.eq("status", "available"), List.of(Assignment.set("status", "extending")))
        .flatMap(first -> db.conditionalUpdate(Database.VOLUMES, "v1", Condition.eq("status", "extending"),
            List.of(Assignment.set("status", "available"))))
        .flatMap(second -> db.conditionalUpdate(Database.VOLUMES, "v1", Condition.eq("status", "available"),
            List.of(Assignment.set("status", "deleting")))));
    assertThat(outcomes).singleElement().matches(Outcome::isSuccess);
    assertThat(simulation.probes().count("db.deadlock-retried")).isPositive();
    assertThat(simulation.probes().count("db.deadlock-retries-spent")).isZero();
  }
}

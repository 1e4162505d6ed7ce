package io.cvolsim.checker.linear;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.HistoryFormatException;
import io.cvolsim.checker.history.Operation;
import io.cvolsim.checker.history.OperationType;
import io.cvolsim.checker.linear.SequentialObject.Call;
import io.cvolsim.checker.model.InitialValue;
import io.cvolsim.checker.model.Model;
import io.cvolsim.checker.model.ModelRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the checker on histories from simulated clients (seeded, so every failure
 * names a seed that reproduces it): histories of a real atomic object are linearizable; the
 * same histories with one planted anomaly are not; and on small histories the fast checker
 * agrees with brute force.
 */
class LinearizabilityPropertyTest {
  private static final Budget BUDGET = Budget.defaults().withTimeBudgetMillis(10_000);
  private static final int SEEDS = 60;

  static Stream<Arguments> objects() {
    return Stream.of(
        Arguments.of("register", (Supplier<SequentialObject>) SequentialObject.Register::new),
        Arguments.of("mutex", (Supplier<SequentialObject>) SequentialObject.Mutex::new),
        Arguments.of("set", (Supplier<SequentialObject>) SequentialObject.GrowOnlySet::new),
        Arguments.of("key-value", (Supplier<SequentialObject>) SequentialObject.KeyValue::new));
  }

  private static Model modelFor(SequentialObject object) {
    return ModelRegistry.standard().create(object.modelName(), InitialValue.none());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("objects")
  void historiesOfAnAtomicObject_areLinearizable(String name, Supplier<SequentialObject> object)
      throws HistoryFormatException {
    for (long seed = 0; seed < SEEDS; seed++) {
      ConcurrentClients clients = new ConcurrentClients(seed, object.get(), 5, 0.05).run(120);
      History history = clients.history();
      CheckResult result = LinearizabilityChecker.check(history, modelFor(clients.object()), BUDGET);
      assertThat(result.verdict()).as("seed %d", seed).isEqualTo(Verdict.LINEARIZABLE);
    }
  }

  /** An anomaly planted between two generated stretches, or its correct twin. */
  private static History withPlanted(long seed, SequentialObject object, boolean anomaly) {
    ConcurrentClients clients = new ConcurrentClients(seed, object, 4, 0.05).run(60);
    switch (object.modelName()) {
      case "cas-register" -> {
        clients.callAlone(new Call("write", 100L));
        clients.callAlone(new Call("write", 101L));
        clients.callAloneWithResult(new Call("read", null), anomaly ? 100L : 101L);
      }
      case "set" -> {
        clients.callAlone(new Call("add", 1_000L));
        List<?> contents = (List<?>) object.apply(new Call("read", null));
        List<Object> read = new ArrayList<>(contents);
        if (anomaly) {
          read.remove(1_000L);
        }
        clients.callAloneWithResult(new Call("read", null), read);
      }
      default -> {
        if (object.apply(new Call("release", null)) != SequentialObject.REFUSED) {
          clients.callAloneWithResult(new Call("release", null), null);
        }
        clients.callAlone(new Call("acquire", null));
        if (anomaly) {
          clients.callAloneWithResult(new Call("acquire", null), null);
        }
        clients.callAlone(new Call("release", null));
      }
    }
    return clients.run(60).history();
  }

  static Stream<Arguments> anomalies() {
    return Stream.of(
        Arguments.of("stale read", (Supplier<SequentialObject>) SequentialObject.Register::new),
        Arguments.of("lost write", (Supplier<SequentialObject>) SequentialObject.GrowOnlySet::new),
        Arguments.of("double acquire", (Supplier<SequentialObject>) SequentialObject.Mutex::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("anomalies")
  void plantedAnomaly_isCaught_andItsCorrectTwinPasses(String name,
      Supplier<SequentialObject> object) throws HistoryFormatException {
    for (long seed = 0; seed < SEEDS; seed++) {
      SequentialObject twinObject = object.get();
      History twin = withPlanted(seed, twinObject, false);
      assertThat(LinearizabilityChecker.check(twin, modelFor(twinObject), BUDGET).verdict())
          .as("twin, seed %d", seed).isEqualTo(Verdict.LINEARIZABLE);
      SequentialObject anomalyObject = object.get();
      History planted = withPlanted(seed, anomalyObject, true);
      CheckResult result = LinearizabilityChecker.check(planted, modelFor(anomalyObject), BUDGET);
      assertThat(result.verdict()).as("%s, seed %d", name, seed)
          .isEqualTo(Verdict.NOT_LINEARIZABLE);
      assertThat(result.witness()).isPresent();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("objects")
  void smallHistories_fastCheckerAgreesWithBruteForce(String name,
      Supplier<SequentialObject> object) throws HistoryFormatException {
    agreesWithBruteForce(object, 300);
  }

  /** The same agreement over many more seeds: {@code mvn -Pnightly verify}. */
  @Tag("nightly")
  @ParameterizedTest(name = "{0}")
  @MethodSource("objects")
  void smallHistories_fastCheckerAgreesWithBruteForce_manySeeds(String name,
      Supplier<SequentialObject> object) throws HistoryFormatException {
    agreesWithBruteForce(object, 20_000);
  }

  private static void agreesWithBruteForce(Supplier<SequentialObject> object, int total)
      throws HistoryFormatException {
    int notLinearizable = 0;
    for (long seed = 0; seed < total; seed++) {
      ConcurrentClients clients = new ConcurrentClients(seed, object.get(), 3, 0.2).run(7);
      History history = mutated(clients.history(), new SplittableRandom(seed));
      Model model = modelFor(clients.object());
      boolean expected = BruteForceChecker.isLinearizable(history, model);
      Verdict verdict = LinearizabilityChecker.check(history, model, BUDGET).verdict();
      assertThat(verdict).as("seed %d: %s", seed, history.operations())
          .isEqualTo(expected ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE);
      notLinearizable += expected ? 0 : 1;
    }
    assertThat(notLinearizable).as("both verdicts are exercised").isBetween(total / 20, total - total / 20);
  }

  /**
   * Half the time, one completion is made wrong: a failure turned into success, or a result
   * replaced by another result of the same function seen in the history.
   */
  private static History mutated(History history, SplittableRandom random)
      throws HistoryFormatException {
    List<Operation> events = new ArrayList<>(history.operations());
    List<Integer> completions = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).type() == OperationType.OK || events.get(i).type() == OperationType.FAIL) {
        completions.add(i);
      }
    }
    if (completions.isEmpty() || random.nextBoolean()) {
      return history;
    }
    int target = completions.get(random.nextInt(completions.size()));
    Operation event = events.get(target);
    Object value = event.value();
    if (event.type() == OperationType.OK) {
      List<Object> sameFunction = new ArrayList<>();
      events.stream().filter(e -> e.type() == OperationType.OK && e.f().equals(event.f()))
          .filter(e -> !java.util.Objects.equals(e.value(), event.value()))
          .forEach(e -> sameFunction.add(e.value()));
      if (sameFunction.isEmpty()) {
        return history;
      }
      value = sameFunction.get(random.nextInt(sameFunction.size()));
    }
    events.set(target, new Operation(event.process(), OperationType.OK, event.f(),
        event.type() == OperationType.FAIL ? invocationValue(events, target) : value,
        event.timeNanos(), event.index()));
    return History.of(events);
  }

  private static Object invocationValue(List<Operation> events, int completion) {
    for (int i = completion - 1; i >= 0; i--) {
      if (events.get(i).process() == events.get(completion).process()) {
        return events.get(i).value();
      }
    }
    throw new IllegalStateException("completion without invocation");
  }
}

package io.cvolsim.checker.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cvolsim.checker.history.HistoryFormatException;
import io.cvolsim.checker.history.HistoryRecorder;
import io.cvolsim.checker.history.PairedOperation;
import io.cvolsim.checker.linear.Budget;
import io.cvolsim.checker.linear.LinearizabilityChecker;
import io.cvolsim.checker.linear.LinearizabilityChecker.Partitioning;
import io.cvolsim.checker.linear.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small models and the registry, each on a sequential history. */
class ModelsTest {
  private final long[] clock = {0};
  private final HistoryRecorder recorder = new HistoryRecorder(() -> clock[0]++);
  private long nextProcess;

  private ModelsTest ok(String f, Object input, Object output) {
    recorder.invoke(nextProcess++, f, input).ok(output);
    return this;
  }

  private Verdict verdict(Model model, Partitioning partitioning) throws HistoryFormatException {
    return LinearizabilityChecker.check(recorder.build(), model, Budget.defaults(), partitioning)
        .verdict();
  }

  private Verdict verdict(Model model) throws HistoryFormatException {
    return verdict(model, Partitioning.PER_KEY);
  }

  private static Model named(String name, InitialValue initial) {
    return ModelRegistry.standard().create(name, initial);
  }

  @Test
  void casRegister_nilRead_matchesNilWhenNilIsTheInitialValue() throws HistoryFormatException {
    ok("write", 1L, 1L).ok("read", null, null);
    assertThat(verdict(named("cas-register", InitialValue.none())))
        .isEqualTo(Verdict.NOT_LINEARIZABLE);
    assertThat(verdict(named("cas-register", InitialValue.of(0L))))
        .as("Knossos: an unrecorded read").isEqualTo(Verdict.LINEARIZABLE);
  }

  @Test
  void casRegister_casNeedsTheExpectedValue_andAFalseResultNeedsAnother()
      throws HistoryFormatException {
    ok("cas", List.of(0L, 2L), List.of(0L, 2L)).ok("cas", List.of(0L, 3L), false)
        .ok("read", null, 2L);
    assertThat(verdict(named("cas-register", InitialValue.of(0L))))
        .isEqualTo(Verdict.LINEARIZABLE);
    ok("cas", List.of(2L, 3L), false);
    assertThat(verdict(named("cas-register", InitialValue.of(0L))))
        .isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void register_hasNoCas() {
    ok("cas", List.of(0L, 1L), null);
    assertThatThrownBy(() -> verdict(named("register", InitialValue.none())))
        .isInstanceOf(HistoryFormatException.class)
        .hasMessage("<history>:1: unknown operation :cas for model register");
  }

  @Test
  void mutex_cannotBeAcquiredTwice() throws HistoryFormatException {
    ok("acquire", null, null).ok("release", null, null).ok("acquire", null, null);
    assertThat(verdict(new MutexModel())).isEqualTo(Verdict.LINEARIZABLE);
    ok("acquire", null, null);
    assertThat(verdict(new MutexModel())).isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void set_readsMustSeeEveryAddedElement() throws HistoryFormatException {
    ok("add", 1L, 1L).ok("add", 2L, 2L).ok("read", null, List.of(2L, 1L));
    assertThat(verdict(new SetModel())).isEqualTo(Verdict.LINEARIZABLE);
    ok("read", null, List.of(2L));
    assertThat(verdict(new SetModel())).isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void multiRegister_transactionsReadAndWriteSeveralKeys() throws HistoryFormatException {
    MultiRegisterModel model = new MultiRegisterModel(Map.of("x", 0L, "y", 0L));
    ok("txn", List.of(List.of("write", "x", 1L)), List.of(List.of("write", "x", 1L)))
        .ok("txn", List.of(Arrays.asList("read", "x", null), Arrays.asList("read", "y", null)),
            List.of(List.of("read", "x", 1L), List.of("read", "y", 0L)));
    assertThat(verdict(model)).isEqualTo(Verdict.LINEARIZABLE);
    ok("txn", List.of(Arrays.asList("read", "y", null)), List.of(List.of("read", "y", 1L)));
    assertThat(verdict(model)).isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void multiRegister_oneInitialValueForEveryKey() throws HistoryFormatException {
    ok("txn", List.of(Arrays.asList("read", "z", null)), List.of(List.of("read", "z", 7L)));
    assertThat(verdict(new MultiRegisterModel(7L))).isEqualTo(Verdict.LINEARIZABLE);
    assertThat(new MultiRegisterModel(7L).problemWith(pair("txn", List.of(List.of("inc", "x")))))
        .contains("must be [read|write key value]");
  }

  @Test
  void keyValue_appendPutGet_perKeyAndWholeAgree() throws HistoryFormatException {
    ok("append", List.of("k", "a"), null).ok("append", List.of("k", "b"), null)
        .ok("put", List.of("j", "z"), null).ok("get", Arrays.asList("k", null), List.of("k", "ab"))
        .ok("get", Arrays.asList("j", null), List.of("j", "z"))
        .ok("get", Arrays.asList("i", null), List.of("i", ""));
    Model model = KeyValueModel.create("");
    assertThat(verdict(model, Partitioning.PER_KEY)).isEqualTo(Verdict.LINEARIZABLE);
    assertThat(verdict(model, Partitioning.NONE)).isEqualTo(Verdict.LINEARIZABLE);
    ok("get", Arrays.asList("k", null), List.of("k", "a"));
    assertThat(verdict(model, Partitioning.PER_KEY)).isEqualTo(Verdict.NOT_LINEARIZABLE);
    assertThat(verdict(model, Partitioning.NONE)).isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void keyValue_valuesMustBeKeyValueTuples() {
    Model model = KeyValueModel.create("");
    assertThat(model.problemWith(pair("put", "k"))).contains("needs a value [key value]");
    assertThat(model.problemWith(pair("cas", List.of("k", 1L)))).contains("[key [expected new]]");
  }

  @Test
  void registry_unknownNameListsTheKnownOnes_andUsersCanAddModels() {
    ModelRegistry registry = ModelRegistry.standard();
    assertThatThrownBy(() -> registry.create("queue", InitialValue.none()))
        .hasMessage("unknown model \"queue\" (known: cas-register, cinder-volume, key-value, "
            + "multi-register, mutex, register, set)");
    registry.register("lock", "another name for mutex", initial -> new MutexModel());
    assertThat(registry.create("lock", InitialValue.none()).name()).isEqualTo("mutex");
    assertThat(registry.descriptions()).containsKey("lock");
  }

  private static PairedOperation pair(String f, Object input) {
    HistoryRecorder recorder = new HistoryRecorder(() -> 0);
    recorder.invoke(0, f, input).ok(input);
    return recorder.build().pairs().get(0);
  }
}

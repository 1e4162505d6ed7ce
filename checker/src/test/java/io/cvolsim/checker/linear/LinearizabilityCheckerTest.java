package io.cvolsim.checker.linear;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.checker.PeerHistories;
import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.HistoryFormatException;
import io.cvolsim.checker.history.HistoryRecorder;
import io.cvolsim.checker.io.HistoryFormat;
import io.cvolsim.checker.io.HistoryReader;
import io.cvolsim.checker.linear.LinearizabilityChecker.Partitioning;
import io.cvolsim.checker.model.CasRegisterModel;
import io.cvolsim.checker.model.InitialValue;
import io.cvolsim.checker.model.KeyValueModel;
import io.cvolsim.checker.model.Model;
import io.cvolsim.checker.model.ModelRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Semantics, budgets, partitions and witnesses of the checker. */
class LinearizabilityCheckerTest {
  private final long[] clock = {0};
  private final HistoryRecorder recorder = new HistoryRecorder(() -> clock[0]++);
  private final Model register = CasRegisterModel.casRegister(0L);

  private CheckResult check(Model model, Budget budget) throws HistoryFormatException {
    return LinearizabilityChecker.check(recorder.build(), model, budget);
  }

  @Test
  void emptyHistory_isLinearizable() throws HistoryFormatException {
    assertThat(check(register, Budget.defaults()).verdict()).isEqualTo(Verdict.LINEARIZABLE);
  }

  @Test
  void failedWrite_didNotTakeEffect() throws HistoryFormatException {
    recorder.invoke(0, "write", 5L).fail(null);
    recorder.invoke(1, "read", null).ok(5L);
    assertThat(check(register, Budget.defaults()).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void timedOutWrite_mayTakeEffectLater_orNever() throws HistoryFormatException {
    recorder.invoke(0, "write", 5L).info(null);
    recorder.invoke(1, "read", null).ok(0L);
    recorder.invoke(2, "read", null).ok(5L);
    assertThat(check(register, Budget.defaults()).verdict()).isEqualTo(Verdict.LINEARIZABLE);
    recorder.invoke(3, "read", null).ok(0L);
    assertThat(check(register, Budget.defaults()).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void concurrentOperations_mayBeOrderedEitherWay() throws HistoryFormatException {
    HistoryRecorder.Handle write = recorder.invoke(0, "write", 1L);
    recorder.invoke(1, "read", null).ok(1L);
    write.ok(1L);
    assertThat(check(register, Budget.defaults()).verdict()).isEqualTo(Verdict.LINEARIZABLE);
  }

  @Test
  void witness_namesTheBlockedOperationAndTheStatesReached() throws HistoryFormatException {
    recorder.invoke(0, "write", 1L).ok(1L);
    HistoryRecorder.Handle write = recorder.invoke(1, "write", 2L);
    recorder.invoke(2, "read", null).ok(3L);
    write.ok(2L);
    CheckResult result = check(register, Budget.defaults());
    Witness witness = result.witness().orElseThrow();
    assertThat(witness.partition()).isEqualTo("all");
    assertThat(witness.involved()).extracting(pair -> pair.f()).containsExactly("write", "read");
    assertThat(witness.longest()).singleElement().satisfies(longest -> {
      assertThat(longest.stateReached()).isEqualTo(2L);
      assertThat(longest.linearized()).extracting(pair -> pair.input()).containsExactly(1L, 2L);
    });
    assertThat(witness.describe()).contains("#2 p2 read nil -> 3").contains("the state is 2");
  }

  /** Thirty concurrent writes and a read nobody wrote: exponential without a budget. */
  private void hardHistory() {
    List<HistoryRecorder.Handle> writes = new java.util.ArrayList<>();
    for (int process = 0; process < 30; process++) {
      writes.add(recorder.invoke(process, "write", (long) process));
    }
    writes.forEach(handle -> handle.ok(null));
    recorder.invoke(99, "read", null).ok(99L);
  }

  @Test
  void cacheEntriesBudgetSpent_isUnknown_neverLinearizable() throws HistoryFormatException {
    hardHistory();
    CheckResult result = check(register, Budget.defaults().withCacheEntriesMax(1_000));
    assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(result.isLinearizable()).isFalse();
    assertThat(result.unknownReason()).hasValueSatisfying(reason ->
        assertThat(reason).startsWith("cache budget spent: 1000 configurations"));
  }

  @Test
  void timeBudgetSpent_isUnknown() throws HistoryFormatException {
    hardHistory();
    CheckResult result = check(register, Budget.defaults().withTimeBudgetMillis(1));
    assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(result.unknownReason().orElseThrow()).startsWith("time budget spent");
  }

  @Test
  void partitions_violationWinsOverUnknown_andUnknownOverLinearizable()
      throws HistoryFormatException {
    Model keyValue = KeyValueModel.create(0L);
    List<HistoryRecorder.Handle> writes = new java.util.ArrayList<>();
    for (int process = 0; process < 30; process++) {
      writes.add(recorder.invoke(process, "write", List.of("hard", (long) process)));
    }
    writes.forEach(handle -> handle.ok(null));
    recorder.invoke(99, "read", java.util.Arrays.asList("hard", null)).ok(List.of("hard", 99L));
    recorder.invoke(100, "write", List.of("easy", 1L)).ok(null);
    recorder.invoke(101, "read", java.util.Arrays.asList("easy", null)).ok(List.of("easy", 1L));
    Budget budget = Budget.defaults().withCacheEntriesMax(1_000);
    CheckResult unknown = check(keyValue, budget);
    assertThat(unknown.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(unknown.partitions()).extracting(PartitionResult::verdict)
        .containsExactly(Verdict.LINEARIZABLE, Verdict.UNKNOWN);
    recorder.invoke(102, "write", List.of("bad", 1L)).ok(null);
    recorder.invoke(103, "read", java.util.Arrays.asList("bad", null)).ok(List.of("bad", 2L));
    CheckResult violated = check(keyValue, budget);
    assertThat(violated.verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    assertThat(violated.witness().orElseThrow().partition()).isEqualTo("bad");
  }

  @Test
  void unpartitionedFiftyClientKv_withASmallCache_comesBackUnknownWithoutRunningOutOfMemory()
      throws Exception {
    History history = HistoryReader.read(
        PeerHistories.root().resolve("porcupine/test_data/kv/c50-ok.txt"), HistoryFormat.AUTO);
    Model keyValue = ModelRegistry.standard().create("key-value", InitialValue.none());
    Budget budget = Budget.defaults().withCacheBytesMax(32L << 20);
    CheckResult whole = LinearizabilityChecker.check(history, keyValue, budget, Partitioning.NONE);
    assertThat(whole.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(whole.unknownReason().orElseThrow()).startsWith("cache budget spent");
    CheckResult perKey = LinearizabilityChecker.check(history, keyValue, budget);
    assertThat(perKey.verdict()).isEqualTo(Verdict.LINEARIZABLE);
    assertThat(perKey.partitions()).hasSize(10);
  }

  @Test
  void parallelSearch_givesTheSameVerdictsAndWitnessAsOneThread() throws Exception {
    Model keyValue = ModelRegistry.standard().create("key-value", InitialValue.none());
    for (String log : List.of("c10-ok", "c10-bad", "c50-bad")) {
      History history = HistoryReader.read(
          PeerHistories.root().resolve("porcupine/test_data/kv/" + log + ".txt"),
          HistoryFormat.AUTO);
      CheckResult oneThread = LinearizabilityChecker.check(history, keyValue, Budget.defaults());
      CheckResult threads = LinearizabilityChecker.check(history, keyValue, Budget.defaults(),
          Partitioning.PER_KEY, 3);
      assertThat(threads.verdict()).as(log).isEqualTo(oneThread.verdict());
      assertThat(threads.witness().map(Witness::partition))
          .isEqualTo(oneThread.witness().map(Witness::partition));
      if (log.endsWith("-ok")) {
        assertThat(threads.partitions()).hasSize(10);
      }
    }
  }
}

package io.cvolsim.checker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.OperationType;
import io.cvolsim.checker.io.HistoryFormat;
import io.cvolsim.checker.io.HistoryReader;
import io.cvolsim.checker.io.PorcupineEtcdReading;
import io.cvolsim.checker.linear.Budget;
import io.cvolsim.checker.linear.CheckResult;
import io.cvolsim.checker.linear.LinearizabilityChecker;
import io.cvolsim.checker.linear.Verdict;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Agreement with the peers: every history whose verdict Porcupine's or Knossos's own tests
 * assert (expected.tsv) gets that verdict here, read in its own format with auto-detection.
 */
class AgreementTest {
  private static final Budget BUDGET = Budget.defaults().withTimeBudgetMillis(20_000);

  @TestFactory
  Stream<DynamicTest> everyPeerHistory_getsThePeersVerdict() throws Exception {
    List<PeerHistories.Expectation> expectations = PeerHistories.expectations();
    assertThat(expectations).hasSize(230);
    return expectations.stream().map(expectation -> DynamicTest.dynamicTest(
        expectation.relativePath(), () -> {
          History history = HistoryReader.read(expectation.file(), HistoryFormat.AUTO);
          CheckResult result = LinearizabilityChecker.check(history, expectation.model(), BUDGET);
          Verdict expected =
              expectation.linearizable() ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE;
          assertThat(result.verdict()).as("%s %s", expectation, result.witness()
              .map(w -> w.describe()).orElse("")).isEqualTo(expected);
        }));
  }

  /** MANIFEST.md: Porcupine reads :fail :cas as "ran and returned false"; same verdicts. */
  @TestFactory
  Stream<DynamicTest> etcdLogs_porcupinesReadingOfFailedCas_givesTheSameVerdicts()
      throws Exception {
    return PeerHistories.expectations().stream()
        .filter(expectation -> expectation.relativePath().contains("jepsen/etcd_"))
        .map(expectation -> DynamicTest.dynamicTest(expectation.relativePath(), () -> {
          History history = PorcupineEtcdReading.apply(
              HistoryReader.read(expectation.file(), HistoryFormat.JEPSEN_LOG));
          assertThat(history.operations()).noneMatch(e -> e.type() == OperationType.FAIL);
          Verdict verdict =
              LinearizabilityChecker.check(history, expectation.model(), BUDGET).verdict();
          assertThat(verdict).isEqualTo(
              expectation.linearizable() ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE);
        }));
  }

  /** Porcupine's TestKvNoPartition*: c01 and c10 checked whole, with one map-valued state. */
  @TestFactory
  Stream<DynamicTest> kvLogs_checkedWhole_getTheSameVerdicts() throws Exception {
    return PeerHistories.expectations().stream()
        .filter(expectation -> expectation.relativePath().matches(".*kv/c(01|10)-.*"))
        .map(expectation -> DynamicTest.dynamicTest(expectation.relativePath(), () -> {
          History history = HistoryReader.read(expectation.file(), HistoryFormat.AUTO);
          Verdict verdict = LinearizabilityChecker.check(history, expectation.model(), BUDGET,
              LinearizabilityChecker.Partitioning.NONE).verdict();
          assertThat(verdict).isEqualTo(
              expectation.linearizable() ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE);
        }));
  }
}

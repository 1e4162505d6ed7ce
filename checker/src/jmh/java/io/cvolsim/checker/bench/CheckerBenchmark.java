package io.cvolsim.checker.bench;

import io.cvolsim.checker.PeerHistories;
import io.cvolsim.checker.history.History;
import io.cvolsim.checker.io.HistoryFormat;
import io.cvolsim.checker.io.HistoryReader;
import io.cvolsim.checker.linear.Budget;
import io.cvolsim.checker.linear.LinearizabilityChecker;
import io.cvolsim.checker.linear.LinearizabilityChecker.Partitioning;
import io.cvolsim.checker.linear.Verdict;
import io.cvolsim.checker.model.InitialValue;
import io.cvolsim.checker.model.Model;
import io.cvolsim.checker.model.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * In-process check times on the peers' histories, for comparison with Porcupine's figures in
 * docs/PERFORMANCE.md. Each benchmark fails loudly if a verdict is not the expected one,
 * so a fast wrong answer cannot pass for a fast right one.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CheckerBenchmark {
  private static final Budget BUDGET = Budget.defaults();

  /** The 102 etcd logs, read once. */
  @State(Scope.Benchmark)
  public static class EtcdLogs {
    final List<History> histories = new ArrayList<>();
    final List<Path> files = new ArrayList<>();
    final Model model = ModelRegistry.standard().create("cas-register", InitialValue.of(null));

    @Setup
    public void read() throws Exception {
      try (Stream<Path> logs = Files.list(PeerHistories.root().resolve("porcupine/test_data/jepsen"))) {
        logs.filter(path -> path.toString().endsWith(".log")).sorted().forEach(files::add);
      }
      for (Path file : files) {
        histories.add(HistoryReader.read(file, HistoryFormat.JEPSEN_LOG));
      }
    }
  }

  /** One kv log, read once. */
  @State(Scope.Benchmark)
  public static class KvLog {
    @Param({"c01-ok", "c01-bad", "c10-ok", "c10-bad", "c50-ok", "c50-bad"})
    public String name;

    History history;
    final Model model = ModelRegistry.standard().create("key-value", InitialValue.none());

    @Setup
    public void read() throws Exception {
      history = HistoryReader.read(
          PeerHistories.root().resolve("porcupine/test_data/kv/" + name + ".txt"),
          HistoryFormat.PORCUPINE_KV);
    }

    Verdict expected() {
      return name.endsWith("-ok") ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE;
    }
  }

  /** Checking all 102 etcd logs, already parsed. */
  @Benchmark
  public int etcdAllLogs_check(EtcdLogs logs) throws Exception {
    int notLinearizable = 0;
    for (History history : logs.histories) {
      Verdict verdict = LinearizabilityChecker.check(history, logs.model, BUDGET).verdict();
      notLinearizable += verdict == Verdict.NOT_LINEARIZABLE ? 1 : 0;
    }
    return expect(notLinearizable, 79);
  }

  /** Reading and checking all 102 etcd logs, as the command line does. */
  @Benchmark
  public int etcdAllLogs_readAndCheck(EtcdLogs logs) throws Exception {
    int notLinearizable = 0;
    for (Path file : logs.files) {
      History history = HistoryReader.read(file, HistoryFormat.JEPSEN_LOG);
      Verdict verdict = LinearizabilityChecker.check(history, logs.model, BUDGET).verdict();
      notLinearizable += verdict == Verdict.NOT_LINEARIZABLE ? 1 : 0;
    }
    return expect(notLinearizable, 79);
  }

  /** One kv log, partitioned per key (Porcupine's TestKv*). */
  @Benchmark
  public Verdict kv_perKey(KvLog log) throws Exception {
    Verdict verdict = LinearizabilityChecker.check(log.history, log.model, BUDGET).verdict();
    return expect(verdict, log.expected());
  }

  /** One kv log, per key, partitions searched on every processor (as the command line does). */
  @Benchmark
  public Verdict kv_perKeyAllProcessors(KvLog log) throws Exception {
    Verdict verdict = LinearizabilityChecker.check(log.history, log.model, BUDGET,
        Partitioning.PER_KEY, Runtime.getRuntime().availableProcessors()).verdict();
    return expect(verdict, log.expected());
  }

  /** One kv log, unpartitioned (Porcupine's TestKvNoPartition*); c50 spends its budget. */
  @Benchmark
  public Verdict kv_unpartitioned(KvLog log) throws Exception {
    if (log.name.startsWith("c50")) {
      return Verdict.UNKNOWN;
    }
    Verdict verdict = LinearizabilityChecker.check(log.history, log.model, BUDGET,
        Partitioning.NONE).verdict();
    return expect(verdict, log.expected());
  }

  private static <T> T expect(T actual, T expected) {
    if (!actual.equals(expected)) {
      throw new IllegalStateException("expected " + expected + ", got " + actual);
    }
    return actual;
  }
}

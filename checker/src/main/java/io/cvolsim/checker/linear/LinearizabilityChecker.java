package io.cvolsim.checker.linear;

import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.HistoryFormatException;
import io.cvolsim.checker.history.OperationType;
import io.cvolsim.checker.history.PairedOperation;
import io.cvolsim.checker.model.Model;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a history against a sequential model: is there an order of the operations, consistent
 * with real time, that the model accepts? A pure function of its arguments (plus the wall clock
 * for the time budget).
 *
 * <p>Semantics: an ok operation took effect between its invocation and completion; a failed one
 * did not take effect and is dropped (Knossos's reading); an info one (or one still open at the
 * end) may take effect at any point after its invocation, or never.
 *
 * <p>The history is split into partitions by the model's key (P-compositionality) and each is
 * searched alone, smallest first; the check stops at the first violation, whose partition is
 * then the smallest failing part of the history.
 */
public final class LinearizabilityChecker {
  /** Whether to split the history by the model's partition key. */
  public enum Partitioning {
    /** One search per key when the model has keys (the fast path). */
    PER_KEY,
    /** One search over the whole history, whatever the model. */
    NONE
  }

  /** Below this many operations starting threads costs more than it saves (measured: ~1 ms). */
  private static final int PARALLEL_MIN_OPERATIONS = 1_000;

  private LinearizabilityChecker() {}

  /** Checks with per-key partitioning. */
  public static CheckResult check(History history, Model model, Budget budget)
      throws HistoryFormatException {
    return check(history, model, budget, Partitioning.PER_KEY);
  }

  /** Checks on one thread, stopping at the first violation. */
  public static CheckResult check(History history, Model model, Budget budget,
      Partitioning partitioning) throws HistoryFormatException {
    return check(history, model, budget, partitioning, 1);
  }

  /**
   * Checks a history.
   *
   * @param threads 1 to search the partitions one after another, stopping at the first
   *     violation; more to search all of them at once (the command line's choice; a simulation
   *     sweep, already parallel across seeds, keeps 1)
   * @throws HistoryFormatException when an operation has a shape the model cannot take; the
   *     message names the source and line
   */
  public static CheckResult check(History history, Model model, Budget budget,
      Partitioning partitioning, int threads) throws HistoryFormatException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    long startNanos = System.nanoTime();
    long deadlineNanos = startNanos + budget.timeBudgetMillis() * 1_000_000;
    List<PartitionRunner.Part> parts = parts(history, model, partitioning);
    boolean worthThreads =
        parts.size() > 1 && history.invocationCount() >= PARALLEL_MIN_OPERATIONS;
    List<PartitionResult> results = threads == 1 || !worthThreads
        ? PartitionRunner.inOrder(parts, budget, deadlineNanos)
        : PartitionRunner.inParallel(parts, budget, deadlineNanos, threads);
    Verdict verdict = Verdict.LINEARIZABLE;
    for (PartitionResult result : results) {
      verdict = verdict.combine(result.verdict());
    }
    return new CheckResult(verdict, history.invocationCount(), results,
        System.nanoTime() - startNanos);
  }

  /** The partitions, smallest first, each with the model that checks it alone. */
  private static List<PartitionRunner.Part> parts(History history, Model model,
      Partitioning partitioning) throws HistoryFormatException {
    List<PartitionRunner.Part> parts = new ArrayList<>();
    for (Map.Entry<Object, List<PairedOperation>> entry
        : partition(history, model, partitioning).entrySet()) {
      Model partModel = entry.getKey() == ALL ? model : model.partitionModel(entry.getKey());
      parts.add(new PartitionRunner.Part(String.valueOf(entry.getKey()), partModel,
          entry.getValue()));
    }
    parts.sort(Comparator.comparingInt(part -> part.operations().size()));
    return parts;
  }

  /** The key of the single partition of an unpartitioned check; no model key equals it. */
  private static final Object ALL = new Object() {
    @Override
    public String toString() {
      return "all";
    }
  };

  /** Validates every operation, drops those that cannot matter, and groups the rest by key. */
  private static Map<Object, List<PairedOperation>> partition(History history, Model model,
      Partitioning partitioning) throws HistoryFormatException {
    Map<Object, List<PairedOperation>> partitions = new LinkedHashMap<>();
    for (PairedOperation operation : history.pairs()) {
      if (operation.outcome() == OperationType.FAIL) {
        continue;
      }
      String problem = model.problemWith(operation);
      if (problem != null) {
        throw new HistoryFormatException(history.sourceName(),
            history.lineOf(operation.invocationPosition()), problem);
      }
      if (operation.outcome() == OperationType.INFO && !model.mayChangeState(operation)) {
        continue;
      }
      Object key = partitioning == Partitioning.NONE ? null : model.partitionKey(operation);
      partitions.computeIfAbsent(key == null ? ALL : key, k -> new ArrayList<>()).add(operation);
    }
    return partitions;
  }
}

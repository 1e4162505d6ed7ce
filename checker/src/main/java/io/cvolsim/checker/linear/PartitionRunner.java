package io.cvolsim.checker.linear;

import io.cvolsim.checker.history.PairedOperation;
import io.cvolsim.checker.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** Searches the partitions of a history, one after another or on several threads. */
final class PartitionRunner {
  /** One partition: its label, the model that checks it alone, and its operations. */
  record Part(String label, Model model, List<PairedOperation> operations) {}

  private PartitionRunner() {}

  /** In order, stopping at the first violation: the cheapest way to a verdict on one core. */
  static List<PartitionResult> inOrder(List<Part> parts, Budget budget, long deadlineNanos) {
    List<PartitionResult> results = new ArrayList<>();
    for (Part part : parts) {
      PartitionResult result = search(part, budget, deadlineNanos, () -> false);
      results.add(result);
      if (result.verdict() == Verdict.NOT_LINEARIZABLE) {
        break;
      }
    }
    return results;
  }

  /**
   * All partitions on {@code threads} threads, smallest first. When one is not linearizable,
   * the larger ones are abandoned (and left out of the results) but the smaller ones finish, so
   * the verdict and the witness (from the smallest failing partition) do not depend on
   * scheduling. The cache budget is shared out so that the threads together stay within it.
   */
  static List<PartitionResult> inParallel(List<Part> parts, Budget budget, long deadlineNanos,
      int threads) {
    Budget perThread = budget.withCacheBytesMax(Math.max(1, budget.cacheBytesMax() / threads));
    AtomicInteger smallestFailing = new AtomicInteger(Integer.MAX_VALUE);
    List<Callable<PartitionResult>> searches = new ArrayList<>();
    for (int index = 0; index < parts.size(); index++) {
      int position = index;
      searches.add(() -> {
        PartitionResult result = search(parts.get(position), perThread, deadlineNanos,
            () -> smallestFailing.get() < position);
        if (result.verdict() == Verdict.NOT_LINEARIZABLE) {
          smallestFailing.accumulateAndGet(position, Math::min);
        }
        return result;
      });
    }
    return collect(searches, threads);
  }

  private static List<PartitionResult> collect(List<Callable<PartitionResult>> searches,
      int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "linearizability-search");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<PartitionResult> results = new ArrayList<>();
      for (Future<PartitionResult> future : pool.invokeAll(searches)) {
        PartitionResult result = future.get();
        if (!WglSearch.ABANDONED.equals(result.unknownReason())) {
          results.add(result);
        }
      }
      return results;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return List.of(new PartitionResult("all", Verdict.UNKNOWN, 0, 0, null, "interrupted"));
    } catch (ExecutionException failed) {
      throw failed.getCause() instanceof RuntimeException runtime ? runtime
          : new IllegalStateException(failed.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static PartitionResult search(Part part, Budget budget, long deadlineNanos,
      BooleanSupplier abandoned) {
    return new WglSearch(part.model(), part.operations(), budget, deadlineNanos, abandoned)
        .run(part.label());
  }
}

package io.cvolsim.cli;

import io.cvolsim.reports.RunReport;
import io.cvolsim.scenarios.run.RunSpec;
import io.cvolsim.scenarios.run.Runner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Runs many seeds on a pool of threads, one whole single-threaded simulation per task, and hands
 * the reports back in seed order: parallelism changes wall time only, never a result.
 */
final class SeedBatch {
  private SeedBatch() {}

  static void run(List<Long> seeds, int parallelism, LongFunction<RunSpec> specOfSeed, Consumer<RunReport> inOrder)
      throws InterruptedException {
    if (parallelism < 1) {
      throw new IllegalArgumentException("--jobs must be at least 1");
    }
    ExecutorService pool = Executors.newFixedThreadPool(parallelism);
    try {
      List<Future<RunReport>> futures = new ArrayList<>();
      for (long seed : seeds) {
        RunSpec spec = specOfSeed.apply(seed);
        futures.add(pool.submit(() -> Runner.run(spec, false).report()));
      }
      for (Future<RunReport> future : futures) {
        inOrder.accept(get(future));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static RunReport get(Future<RunReport> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a run failed: " + e.getCause(), e.getCause());
    }
  }
}

package io.cvolsim.checker.linear;

/**
 * Limits on one check. When one is reached the verdict is UNKNOWN, never LINEARIZABLE, and the
 * checker returns normally: the cache limits keep it far from an OutOfMemoryError.
 *
 * @param timeBudgetMillis wall-clock time for the whole check (all partitions)
 * @param cacheEntriesMax most (linearized set, state) configurations cached per partition
 * @param cacheBytesMax estimated bytes of cached configurations per partition
 */
public record Budget(long timeBudgetMillis, long cacheEntriesMax, long cacheBytesMax) {
  /** The default time budget: one minute, Porcupine's usual test timeout. */
  public static final long DEFAULT_TIME_BUDGET_MILLIS = 60_000;

  public Budget {
    if (timeBudgetMillis <= 0 || cacheEntriesMax <= 0 || cacheBytesMax <= 0) {
      throw new IllegalArgumentException("budgets must be positive: " + timeBudgetMillis + " ms, "
          + cacheEntriesMax + " entries, " + cacheBytesMax + " bytes");
    }
  }

  /** One minute; the cache may use a quarter of the maximum heap, with no entry limit. */
  public static Budget defaults() {
    return new Budget(DEFAULT_TIME_BUDGET_MILLIS, Long.MAX_VALUE, defaultCacheBytesMax());
  }

  /** A quarter of the heap the JVM may grow to: the search's other arrays stay small. */
  public static long defaultCacheBytesMax() {
    return Runtime.getRuntime().maxMemory() / 4;
  }

  public Budget withTimeBudgetMillis(long millis) {
    return new Budget(millis, cacheEntriesMax, cacheBytesMax);
  }

  public Budget withCacheEntriesMax(long entries) {
    return new Budget(timeBudgetMillis, entries, cacheBytesMax);
  }

  public Budget withCacheBytesMax(long bytes) {
    return new Budget(timeBudgetMillis, cacheEntriesMax, bytes);
  }
}

package io.cvolsim.scenarios.property;

/**
 * How many seeds a property test runs and how many runs a shrink may spend: a CI budget by
 * default, a longer one when the system property {@code cvolsim.nightly} is true (the Maven
 * profile {@code -Pnightly} sets it).
 *
 * @param firstSeed the first seed
 * @param lastSeedCi the last seed in CI
 * @param lastSeedNightly the last seed in a nightly run
 * @param shrinkRunsCi the most runs one shrink spends in CI
 * @param shrinkRunsNightly the most runs one shrink spends in a nightly run
 */
public record SeedBudget(long firstSeed, long lastSeedCi, long lastSeedNightly, long shrinkRunsCi,
    long shrinkRunsNightly) {
  public static final String NIGHTLY_PROPERTY = "cvolsim.nightly";
  /** A nightly run covers this many times the CI seeds unless told otherwise. */
  static final long NIGHTLY_SEED_FACTOR = 10;
  static final long SHRINK_RUNS_CI = 300;
  static final long SHRINK_RUNS_NIGHTLY = 3_000;

  public SeedBudget {
    if (firstSeed > lastSeedCi || lastSeedCi > lastSeedNightly) {
      throw new IllegalArgumentException("seeds must satisfy first <= last in CI <= last nightly: "
          + firstSeed + ", " + lastSeedCi + ", " + lastSeedNightly);
    }
    if (shrinkRunsCi < 1 || shrinkRunsNightly < shrinkRunsCi) {
      throw new IllegalArgumentException("shrink runs must satisfy 1 <= CI <= nightly: "
          + shrinkRunsCi + ", " + shrinkRunsNightly);
    }
  }

  /** Seeds {@code first..lastCi} in CI, ten times as many nightly, default shrink budgets. */
  public static SeedBudget of(long firstSeed, long lastSeedCi) {
    long lastNightly = firstSeed + (lastSeedCi - firstSeed + 1) * NIGHTLY_SEED_FACTOR - 1;
    return new SeedBudget(firstSeed, lastSeedCi, lastNightly, SHRINK_RUNS_CI, SHRINK_RUNS_NIGHTLY);
  }

  public static boolean nightly() {
    return Boolean.getBoolean(NIGHTLY_PROPERTY);
  }

  public long lastSeed() {
    return nightly() ? lastSeedNightly : lastSeedCi;
  }

  public long shrinkRuns() {
    return nightly() ? shrinkRunsNightly : shrinkRunsCi;
  }
}

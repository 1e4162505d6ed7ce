package io.cvolsim.kernel.choice;

/** Draws from {@link Xoshiro256StarStar} seeded with the run's seed. */
public final class SeededDrawSource implements DrawSource {
  private final Xoshiro256StarStar random;

  public SeededDrawSource(long seed) {
    this.random = new Xoshiro256StarStar(seed);
  }

  @Override
  public long next(int index, String label, long min, long max) {
    return random.nextInRange(min, max);
  }

  @Override
  public long nextChance(int index, String label, long numerator, long denominator) {
    return random.nextBelow(denominator) < numerator ? 1 : 0;
  }
}

package io.cvolsim.kernel.choice;

/**
 * The project's one PRNG: xoshiro256** 1.0 (Blackman and Vigna, 2018), seeded by expanding a
 * 64-bit seed with SplitMix64 as its authors recommend. We implement it ourselves so that a seed
 * means the same stream on every JDK.
 */
public final class Xoshiro256StarStar {
  private long s0;
  private long s1;
  private long s2;
  private long s3;

  public Xoshiro256StarStar(long seed) {
    long state = seed;
    state += 0x9E3779B97F4A7C15L;
    s0 = splitMix64(state);
    state += 0x9E3779B97F4A7C15L;
    s1 = splitMix64(state);
    state += 0x9E3779B97F4A7C15L;
    s2 = splitMix64(state);
    state += 0x9E3779B97F4A7C15L;
    s3 = splitMix64(state);
  }

  /** One SplitMix64 output for the given state (Steele, Lea and Flood, 2014). */
  static long splitMix64(long state) {
    long z = state;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public long nextLong() {
    long result = Long.rotateLeft(s1 * 5, 7) * 9;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }

  /** Uniform in {@code [0, bound)} for any positive bound, without modulo bias (Lemire). */
  public long nextBelow(long bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    long threshold = Long.remainderUnsigned(-bound, bound);
    while (true) {
      long random = nextLong();
      long low = random * bound;
      if (Long.compareUnsigned(low, threshold) >= 0) {
        return Math.multiplyHigh(random, bound) + ((random >> 63) & bound);
      }
    }
  }

  /** Uniform in {@code [min, max]}, including spans that overflow a signed long. */
  public long nextInRange(long min, long max) {
    if (max < min) {
      throw new IllegalArgumentException("empty range " + min + ".." + max);
    }
    long span = max - min + 1;
    if (span <= 0) {
      // The span does not fit in a signed long: reject samples outside the range.
      while (true) {
        long candidate = nextLong();
        if (candidate >= min && candidate <= max) {
          return candidate;
        }
      }
    }
    return min + nextBelow(span);
  }
}

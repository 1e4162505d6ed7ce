package io.cvolsim.cli;

/** Seeds {@code A..B}, or {@code N} meaning {@code 1..N}. */
record SeedRange(long first, long last) {
  static SeedRange parse(String text) {
    try {
      int dots = text.indexOf("..");
      SeedRange range = dots < 0
          ? new SeedRange(1, Long.parseLong(text.strip()))
          : new SeedRange(Long.parseLong(text.substring(0, dots).strip()),
              Long.parseLong(text.substring(dots + 2).strip()));
      if (range.last < range.first) {
        throw new IllegalArgumentException("--seeds range is empty: '" + text + "'");
      }
      return range;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--seeds takes N or A..B with whole numbers, not '" + text + "'");
    }
  }

  long count() {
    return last - first + 1;
  }

  @Override
  public String toString() {
    return first + ".." + last;
  }
}

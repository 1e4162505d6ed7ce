package io.cvolsim.kernel.sim;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** Coverage marks: how often each named rare branch ran in this run. */
public final class Probes {
  private final TreeMap<String, Long> counts = new TreeMap<>();

  public void hit(String name) {
    counts.merge(name, 1L, Long::sum);
  }

  public long count(String name) {
    return counts.getOrDefault(name, 0L);
  }

  public SortedMap<String, Long> counts() {
    return Collections.unmodifiableSortedMap(counts);
  }
}

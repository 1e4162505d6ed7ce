package io.cvolsim.kernel.sim;

import io.cvolsim.kernel.api.Durations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every delivered event as a line of text, hashed into the run's fingerprint. Keeping the lines
 * is optional (replay and tests keep them; sweeps only need the hash).
 */
public final class Trace {
  private final Fingerprint fingerprint = new Fingerprint();
  private final List<String> lines;
  private long lineCount;

  public Trace(boolean keepLines) {
    this.lines = keepLines ? new ArrayList<>() : null;
  }

  void record(long timeNanos, String source, String kind, String detail) {
    fingerprint.add(timeNanos);
    fingerprint.add(source);
    fingerprint.add(kind);
    fingerprint.add(detail);
    lineCount++;
    if (lines != null) {
      lines.add(Durations.formatTimestamp(timeNanos) + " " + source + " " + kind + " " + detail);
    }
  }

  public long lineCount() {
    return lineCount;
  }

  public List<String> lines() {
    if (lines == null) {
      throw new IllegalStateException("this trace was not asked to keep its lines");
    }
    return Collections.unmodifiableList(lines);
  }

  /** The fingerprint of everything recorded, sealed with the number of draws made. */
  public long fingerprint(long drawCount) {
    Fingerprint sealed = new Fingerprint();
    sealed.add(fingerprint.value());
    sealed.add(lineCount);
    sealed.add(drawCount);
    return sealed.value();
  }
}

package io.cvolsim.model.storage;

import io.cvolsim.kernel.api.Durations;

/**
 * One call on the array, stamped with true time.
 *
 * @param sequence the entry's number in the log, from 1
 * @param endNanos when the call ended; {@link #STILL_RUNNING} while it runs
 * @param detail a human-readable reason or result ("source vol-1 deleted during copy")
 * @param copy for copies, what the source was and what the target became; null otherwise
 * @param issuedNanos when the caller sent the call; {@code startNanos} is when it arrived
 */
public record IoLogEntry(long sequence, IoCall call, long startNanos, long endNanos,
    IoOutcome outcome, String detail, CopyRecord copy, long issuedNanos) {
  /** An entry whose call was sent the instant it arrived (hand-written logs). */
  public IoLogEntry(long sequence, IoCall call, long startNanos, long endNanos, IoOutcome outcome, String detail,
      CopyRecord copy) {
    this(sequence, call, startNanos, endNanos, outcome, detail, copy, startNanos);
  }

  /** The end of a call that has not ended: it overlaps everything after its start. */
  public static final long STILL_RUNNING = Long.MAX_VALUE;

  public boolean isOpen() {
    return endNanos == STILL_RUNNING;
  }

  /** True when both calls were running at some common instant (touching ends do not count). */
  public boolean overlaps(IoLogEntry other) {
    return startNanos < other.endNanos && other.startNanos < endNanos;
  }

  IoLogEntry ended(long atNanos, IoOutcome finalOutcome, String finalDetail, CopyRecord copyRecord) {
    return new IoLogEntry(sequence, call, startNanos, atNanos, finalOutcome, finalDetail, copyRecord, issuedNanos);
  }

  @Override
  public String toString() {
    String end = isOpen() ? "open" : Durations.formatTimestamp(endNanos);
    return "#" + sequence + " " + call.caller() + " " + call.operation() + " " + call.target()
        + (call.source() == null ? "" : " from " + call.source())
        + (call.fencingToken() == null ? "" : " token " + call.fencingToken())
        + " [" + Durations.formatTimestamp(startNanos) + ".." + end + "] " + outcome + " " + detail
        + (copy == null ? "" : " copy " + copy);
  }
}

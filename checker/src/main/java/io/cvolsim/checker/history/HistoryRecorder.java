package io.cvolsim.checker.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Builds a history from the clients' side while a run goes on. {@link #invoke} records the call
 * and returns a handle; the client completes the handle with ok, fail or info when it learns the
 * outcome. Invocations never completed count as info in the built history.
 *
 * <p>Time comes from the clock handed in (the simulation's virtual clock), so recording never
 * reads the wall clock. Not thread-safe: the simulation records from its one thread.
 */
public final class HistoryRecorder {
  private final LongSupplier clockNanos;
  private final List<Operation> events = new ArrayList<>();
  private final Map<Long, Handle> openByProcess = new HashMap<>();

  /** @param clockNanos the current time in nanoseconds, read once per recorded event */
  public HistoryRecorder(LongSupplier clockNanos) {
    this.clockNanos = Objects.requireNonNull(clockNanos, "clockNanos");
  }

  /**
   * Records an invocation.
   *
   * @throws IllegalStateException if the process already has an open invocation: a process is
   *     sequential, and one whose call timed out must continue under a new process id
   */
  public Handle invoke(long process, String f, Object value) {
    if (openByProcess.containsKey(process)) {
      throw new IllegalStateException("process " + process + " already has an open invocation");
    }
    append(process, OperationType.INVOKE, f, value);
    Handle handle = new Handle(process, f);
    openByProcess.put(process, handle);
    return handle;
  }

  /** The history so far; invocations still open count as info. */
  public History build() {
    try {
      return History.of(List.copyOf(events));
    } catch (HistoryFormatException impossible) {
      // The recorder pairs events itself, so an ill-formed history is a bug here.
      throw new IllegalStateException(impossible.getMessage(), impossible);
    }
  }

  /** The number of events recorded so far. */
  public int eventCount() {
    return events.size();
  }

  private void append(long process, OperationType type, String f, Object value) {
    events.add(new Operation(process, type, f, value, clockNanos.getAsLong(), events.size()));
  }

  /** An open invocation; complete it exactly once. */
  public final class Handle {
    private final long process;
    private final String f;
    private boolean open = true;

    private Handle(long process, String f) {
      this.process = process;
      this.f = f;
    }

    /** The call took effect and returned this value. */
    public void ok(Object value) {
      complete(OperationType.OK, value);
    }

    /** The call definitely did not take effect. */
    public void fail(Object value) {
      complete(OperationType.FAIL, value);
    }

    /** The outcome is unknown (timeout, crash); the process must not be reused. */
    public void info(Object value) {
      complete(OperationType.INFO, value);
    }

    public boolean isOpen() {
      return open;
    }

    public long process() {
      return process;
    }

    private void complete(OperationType type, Object value) {
      if (!open) {
        throw new IllegalStateException("process " + process + ": " + f + " already completed");
      }
      open = false;
      openByProcess.remove(process);
      append(process, type, f, value);
    }
  }
}

package io.cvolsim.scenarios.workload;

import io.cvolsim.checker.history.HistoryRecorder;
import io.cvolsim.model.api.StatusWriteObserver;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Records each status write of a volume service as a {@code complete} operation, so the history
 * explains every move of a volume. Each write is its own process: writes overlap in time.
 */
public final class CompletionRecorder implements StatusWriteObserver {
  /** Process ids of writers start here, far above client ids. */
  public static final long FIRST_WRITER_PROCESS = 1_000_000;

  /** Operators (admin clients) use process ids from here on: their writes are requests, not completions. */
  public static final long FIRST_OPERATOR_PROCESS = 2_000_000_000L;

  /** Whether a history process is a volume service's completion writer. */
  public static boolean isCompletionWriter(long process) {
    return process >= FIRST_WRITER_PROCESS && process < FIRST_OPERATOR_PROCESS;
  }

  private final HistoryRecorder history;
  private final TreeMap<Long, HistoryRecorder.Handle> open = new TreeMap<>();
  private final TreeMap<Long, Object> values = new TreeMap<>();
  private long nextProcess = FIRST_WRITER_PROCESS;

  public CompletionRecorder(HistoryRecorder history) {
    this.history = history;
  }

  @Override
  public long started(String writer, String volumeId, SortedMap<String, Object> fields) {
    long token = nextProcess++;
    Object value = VolumeOperation.completionValue(volumeId, fields);
    open.put(token, history.invoke(token, "complete", value));
    values.put(token, value);
    return token;
  }

  @Override
  public void finished(long token, WriteOutcome outcome) {
    HistoryRecorder.Handle handle = open.remove(token);
    Object value = values.remove(token);
    switch (outcome) {
      case APPLIED -> handle.ok(value);
      case NOT_APPLIED -> handle.fail(value);
      case UNKNOWN -> handle.info(value);
    }
  }
}

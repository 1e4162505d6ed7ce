package io.cvolsim.model.api;

import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.SimFuture;
import java.util.SortedMap;

/**
 * Told about every status write a volume service makes outside the API (a completion save), so
 * the run's history can show who moved the volume on. Not protocol logic: the harness plugs in a
 * recorder here; the default does nothing.
 */
public interface StatusWriteObserver {
  StatusWriteObserver NONE = new StatusWriteObserver() {
    @Override
    public long started(String writer, String volumeId, SortedMap<String, Object> fields) {
      return 0;
    }

    @Override
    public void finished(long token, WriteOutcome outcome) {}
  };

  /** What became of a write. */
  enum WriteOutcome {
    APPLIED,
    NOT_APPLIED,
    UNKNOWN
  }

  /** A write of {@code fields} to the volume is about to be sent; returns a token for it. */
  long started(String writer, String volumeId, SortedMap<String, Object> fields);

  void finished(long token, WriteOutcome outcome);

  /** Tells this observer of {@code write} from start to outcome, and hands it back. */
  default SimFuture<Boolean> observe(String writer, String volumeId, SortedMap<String, Object> fields,
      SimFuture<Boolean> write) {
    long token = started(writer, volumeId, fields);
    write.whenComplete(outcome -> finished(token, outcome instanceof Outcome.Success<Boolean> applied
        ? (applied.value() ? WriteOutcome.APPLIED : WriteOutcome.NOT_APPLIED) : WriteOutcome.UNKNOWN));
    return write;
  }
}

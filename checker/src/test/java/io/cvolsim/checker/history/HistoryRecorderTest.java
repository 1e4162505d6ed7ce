package io.cvolsim.checker.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Recording a history programmatically, as the simulation does. */
class HistoryRecorderTest {
  private final long[] clockNanos = {100};
  private final HistoryRecorder recorder = new HistoryRecorder(() -> clockNanos[0]++);

  @Test
  void invokeAndComplete_pairsThemWithTimesFromTheClock() {
    HistoryRecorder.Handle read = recorder.invoke(7, "read", null);
    recorder.invoke(8, "write", 3L).ok(3L);
    read.info(null);
    History history = recorder.build();
    assertThat(history.operations()).extracting(Operation::timeNanos)
        .containsExactly(100L, 101L, 102L, 103L);
    assertThat(history.pairs()).extracting(PairedOperation::outcome)
        .containsExactly(OperationType.INFO, OperationType.OK);
    assertThat(history.pairs().get(1).output()).isEqualTo(3L);
  }

  @Test
  void openAtTheEnd_isInfo() {
    recorder.invoke(1, "write", 1L);
    PairedOperation open = recorder.build().pairs().get(0);
    assertThat(open.outcome()).isEqualTo(OperationType.INFO);
    assertThat(open.completion()).isNull();
    assertThat(open.hasKnownOutput()).isFalse();
  }

  @Test
  void misuse_isRefused() {
    HistoryRecorder.Handle handle = recorder.invoke(1, "read", null);
    assertThatThrownBy(() -> recorder.invoke(1, "read", null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("open invocation");
    handle.fail(null);
    assertThatThrownBy(() -> handle.ok(null)).isInstanceOf(IllegalStateException.class);
    assertThat(recorder.eventCount()).isEqualTo(2);
  }

  @Test
  void history_isImmutable() {
    recorder.invoke(1, "read", null).ok(1L);
    History history = recorder.build();
    assertThatThrownBy(() -> history.operations().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(history.toString()).isEqualTo("History(<history>, 2 events, 1 operations)");
  }
}

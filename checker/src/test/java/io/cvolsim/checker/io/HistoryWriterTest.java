package io.cvolsim.checker.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.HistoryFormatException;
import io.cvolsim.checker.history.HistoryRecorder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writing EDN and JSON lines, and reading them back into an equal history. */
class HistoryWriterTest {
  private static History sample() {
    long[] clock = {0};
    HistoryRecorder recorder = new HistoryRecorder(() -> clock[0] += 10);
    Map<String, Object> volume = new LinkedHashMap<>();
    volume.put("volume", "v-1");
    volume.put("volume_type", "fast \"ssd\"");
    recorder.invoke(0, "create", volume).ok(null);
    HistoryRecorder.Handle read = recorder.invoke(1, "read", Map.of("volume", "v-1"));
    recorder.invoke(2, "cas", List.of(1L, 2L)).fail(null);
    read.info(Arrays.asList("timed-out", null, true, 2.5));
    recorder.invoke(3, "write", "x");
    return recorder.build();
  }

  @Test
  void edn_roundTrips() throws HistoryFormatException {
    History history = sample();
    String edn = HistoryWriter.toEdn(history);
    assertThat(edn).startsWith("[{:process 0, :type :invoke, :f :create, :value {:volume \"v-1\"");
    History back = HistoryReader.read("w", edn, HistoryFormat.EDN);
    assertThat(back.operations()).isEqualTo(history.operations());
  }

  @Test
  void jsonLines_roundTrip() throws HistoryFormatException {
    History history = sample();
    String json = HistoryWriter.toJsonLines(history);
    assertThat(json.lines()).hasSize(history.operations().size());
    History back = HistoryReader.read("w", json, HistoryFormat.AUTO);
    assertThat(back.operations()).isEqualTo(history.operations());
  }
}

package io.cvolsim.kernel.choice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Replays by position (saved runs) and by label (shrink candidates). */
class ReplayDrawSourceTest {
  private static long ask(RecordingChoices choices, String label) {
    return choices.draw(label, 0, 100);
  }

  @Test
  void byLabel_replaysAnUneditedRecordingExactlyAsByPosition() {
    RecordingChoices original = RecordingChoices.seeded(42);
    List<String> labels = List.of("client.op", "net.latency", "client.op", "net.latency", "fault.at");
    labels.forEach(label -> ask(original, label));
    List<Long> values = original.values();

    RecordingChoices byPosition = RecordingChoices.replaying(values);
    RecordingChoices byLabel = RecordingChoices.replayingByLabel(values, labels);
    labels.forEach(label -> {
      ask(byPosition, label);
      ask(byLabel, label);
    });
    assertThat(byLabel.values()).isEqualTo(values).isEqualTo(byPosition.values());
  }

  @Test
  void byLabel_aDeletedValueShiftsOnlyItsOwnLabel() {
    // Recorded: client.op 10, net.latency 20, client.op 30, fault.at 40; the edit drops the 20.
    List<String> labels = List.of("client.op", "net.latency", "client.op", "fault.at");
    List<Long> withoutLatency = List.of(10L, 30L, 40L);
    List<String> itsLabels = List.of("client.op", "client.op", "fault.at");

    RecordingChoices byLabel = RecordingChoices.replayingByLabel(withoutLatency, itsLabels);
    labels.forEach(label -> ask(byLabel, label));
    assertThat(byLabel.values()).containsExactly(10L, 0L, 30L, 40L);

    RecordingChoices byPosition = RecordingChoices.replaying(withoutLatency);
    labels.forEach(label -> ask(byPosition, label));
    assertThat(byPosition.values()).as("by position every later answer moves").containsExactly(10L, 30L, 40L, 0L);
  }

  @Test
  void byLabel_answersTheLowerBoundOnceALabelRunsOut_orAValueNoLongerFits() {
    RecordingChoices byLabel = RecordingChoices.replayingByLabel(List.of(70L), List.of("a"));
    assertThat(byLabel.draw("a", 0, 50)).isZero();
    assertThat(byLabel.draw("a", 5, 50)).isEqualTo(5);
    assertThat(byLabel.draw("b", 3, 9)).isEqualTo(3);
  }

  @Test
  void byLabel_aNarrowLabelTakesItsBroadPartsValues_whenOnlyBroadLabelsWereGiven() {
    String select = "net.latency a->b" + Draw.NARROWING + "REQUEST Select";
    String update = "net.latency a->b" + Draw.NARROWING + "REQUEST Update";
    RecordingChoices broad = RecordingChoices.replayingByLabel(List.of(11L, 22L),
        List.of(Draw.broad(select), Draw.broad(update)));
    assertThat(broad.draw(update, 0, 100)).as("per link, in order").isEqualTo(11);
    assertThat(broad.draw(select, 0, 100)).isEqualTo(22);

    RecordingChoices narrow = RecordingChoices.replayingByLabel(List.of(11L, 22L), List.of(select, update));
    assertThat(narrow.draw(update, 0, 100)).as("per type").isEqualTo(22);
    assertThat(narrow.draw(select, 0, 100)).isEqualTo(11);
    assertThat(narrow.draw("net.latency a->b" + Draw.NARROWING + "REQUEST Insert", 5, 100))
        .as("a type never recorded gets the lower bound").isEqualTo(5);
  }
}

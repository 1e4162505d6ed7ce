package io.cvolsim.kernel.choice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cvolsim.kernel.api.Durations;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void parse_readsCinderStyleDurations() {
    assertThat(Durations.parse("10s")).isEqualTo(10_000_000_000L);
    assertThat(Durations.parse("250ms")).isEqualTo(250_000_000L);
    assertThat(Durations.parse("2m")).isEqualTo(120_000_000_000L);
    assertThat(Durations.format(Durations.parse("250ms"))).isEqualTo("250ms");
    assertThat(Durations.formatTimestamp(31_200_000_000L)).isEqualTo("31.200000000");
  }

  @Test
  void parse_rejectsGarbageWithAReadableMessage() {
    assertThatThrownBy(() -> Durations.parse("ten seconds")).hasMessageContaining("not a duration");
    assertThatThrownBy(() -> Durations.parse("10")).hasMessageContaining("not a duration");
  }
}

package io.cvolsim.scenarios.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShrinkTargetTest {
  @Test
  void sameViolations_asksForExactlyTheSet() {
    ShrinkTarget target = ShrinkTarget.sameViolations(List.of("S1", "S4"));
    assertThat(target.isMetBy(List.of("S1", "S4"))).isTrue();
    assertThat(target.isMetBy(List.of("S1"))).isFalse();
    assertThat(target.isMetBy(List.of("S1", "S4", "S5"))).isFalse();
    assertThat(target.describe()).isEqualTo("exactly S1, S4");
  }

  @Test
  void property_asksForThatOneWhateverElseFails() {
    ShrinkTarget target = ShrinkTarget.property("S4");
    assertThat(target.isMetBy(List.of("S1", "S4", "S5"))).isTrue();
    assertThat(target.isMetBy(List.of("S4"))).isTrue();
    assertThat(target.isMetBy(List.of("S1"))).isFalse();
    assertThat(target.describe()).isEqualTo("S4");
  }

  @Test
  void aTargetWithoutProperties_isRefused() {
    assertThatThrownBy(() -> ShrinkTarget.sameViolations(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}

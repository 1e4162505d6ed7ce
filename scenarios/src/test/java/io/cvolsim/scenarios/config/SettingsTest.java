package io.cvolsim.scenarios.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.model.config.ApiTransition;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void defaults_readTyped() {
    Settings settings = Settings.defaults();
    assertThat(settings.get(SettingsCatalog.API_TRANSITION)).isEqualTo(ApiTransition.CAS);
    assertThat(settings.get(SettingsCatalog.DURATION)).isEqualTo(Durations.seconds(60));
    assertThat(settings.nonDefault()).isEmpty();
  }

  @Test
  void assignments_override_andNonDefaultTracksThem() {
    Settings settings = Settings.defaults().withAssignments(
        List.of("api.transition=read-check-write", "run.duration=90s"));
    assertThat(settings.get(SettingsCatalog.API_TRANSITION)).isEqualTo(ApiTransition.READ_CHECK_WRITE);
    assertThat(settings.get(SettingsCatalog.DURATION)).isEqualTo(Durations.seconds(90));
    assertThat(settings.nonDefault()).containsOnlyKeys("api.transition", "run.duration");
  }

  @Test
  void badInput_namesTheProblem() {
    assertThatThrownBy(() -> Settings.defaults().with("no.such.key", "1"))
        .hasMessage("unknown --set key 'no.such.key' (cvolsim variants lists the keys)");
    assertThatThrownBy(() -> Settings.defaults().with("api.transition", "maybe"))
        .hasMessageStartingWith("bad value 'maybe' for api.transition").hasMessageContaining("cas, read-check-write");
    assertThatThrownBy(() -> Settings.defaults().with("run.duration", "soon")).hasMessageContaining("run.duration");
    assertThatThrownBy(() -> Settings.defaults().withAssignments(List.of("novalue")))
        .hasMessageContaining("KEY=VALUE");
  }
}

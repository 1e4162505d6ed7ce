package io.cvolsim.scenarios.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingChangeTest {
  @Test
  void merge_keepsOneChangePerKey_fromTheFirstValueToTheLast() {
    List<SettingChange> changes = new ArrayList<>();
    SettingChange.merge(changes, new SettingChange("run.duration", "60s", "30s"));
    SettingChange.merge(changes, new SettingChange("api.nodes", "5", "1"));
    SettingChange.merge(changes, new SettingChange("run.duration", "30s", "2151ms"));
    assertThat(changes).extracting(SettingChange::toString)
        .containsExactly("run.duration: 60s -> 2151ms", "api.nodes: 5 -> 1");
  }
}

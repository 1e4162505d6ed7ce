package io.cvolsim.scenarios.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cvolsim.model.config.AttachApi;
import io.cvolsim.model.config.AttachmentDeleteStatus;
import io.cvolsim.model.config.AttachmentLock;
import io.cvolsim.scenarios.run.RunSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The attachments API's keys: off by default, Cinder's fixed values in both presets, bad input named. */
class AttachmentsApiSettingsTest {
  @Test
  void defaults_areTheLegacyApi_andCindersFixes() {
    Settings settings = Settings.defaults();
    assertThat(settings.get(SettingsCatalog.ATTACH_API)).isEqualTo(AttachApi.LEGACY);
    assertThat(settings.get(VariantKeys.ATTACHMENT_LOCK)).isEqualTo(AttachmentLock.DLM);
    assertThat(settings.get(VariantKeys.ATTACHMENT_DELETE_STATUS)).isEqualTo(AttachmentDeleteStatus.C_VOL);
    assertThat(settings.get(VariantKeys.DETACH_RETURN_DELAY_MAX)).isZero();
  }

  @Test
  void presets_keepTheLegacyWorkload_andChooseTheFixedValues() {
    for (Preset preset : Presets.ALL) {
      Settings settings = Settings.defaults().withAssignments(preset.assignments());
      assertThat(settings.get(SettingsCatalog.ATTACH_API)).as(preset.name()).isEqualTo(AttachApi.LEGACY);
      assertThat(settings.nonDefault()).as(preset.name())
          .doesNotContainKeys("api.attachment_lock", "api.attachment_delete_status");
      assertThat(preset.assignments()).as(preset.name())
          .contains("api.attachment_lock=dlm", "api.attachment_delete_status=c-vol");
    }
  }

  @Test
  void badValues_andTheFirstSlice_areRefusedInOneLine() {
    assertThatThrownBy(() -> Settings.defaults().with("workload.attach_api", "new"))
        .hasMessageStartingWith("bad value 'new' for workload.attach_api").hasMessageContaining("legacy, attachments");
    assertThatThrownBy(() -> Settings.defaults().with("api.attachment_delete_status", "api"))
        .hasMessageContaining("c-vol, api-and-c-vol");
    assertThatThrownBy(() -> RunSpec.seeded("default", Optional.empty(), 1, List.of("workload.attach_api=attachments")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a deployment scenario")
        .hasMessageNotContaining("\n");
    assertThat(RunSpec.seeded("deployment", Optional.empty(), 1, List.of("workload.attach_api=attachments"))
        .settings().get(SettingsCatalog.ATTACH_API)).isEqualTo(AttachApi.ATTACHMENTS);
  }
}

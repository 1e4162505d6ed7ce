package io.cvolsim.kernel.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.choice.RecordingChoices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DeterminismTest {

  @Test
  void sameSeed_givesIdenticalTraceAndFingerprint() {
    Simulation first = ChatterWorld.run(42, 5, true);
    Simulation second = ChatterWorld.run(42, 5, true);
    assertThat(first.trace().lineCount()).isGreaterThan(1000);
    assertThat(second.trace().lines()).isEqualTo(first.trace().lines());
    assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
  }

  @Test
  void differentSeed_givesDifferentFingerprint() {
    assertThat(ChatterWorld.run(43, 5, false).fingerprint())
        .isNotEqualTo(ChatterWorld.run(42, 5, false).fingerprint());
  }

  @Test
  void keepingTraceLines_doesNotChangeTheFingerprint() {
    assertThat(ChatterWorld.run(7, 5, true).fingerprint())
        .isEqualTo(ChatterWorld.run(7, 5, false).fingerprint());
  }

  @Test
  void replayOfSavedDraws_givesIdenticalTrace() {
    Simulation original = ChatterWorld.run(99, 5, true);
    RecordingChoices replaying = RecordingChoices.replaying(original.choices().values());
    Simulation replay = ChatterWorld.build(replaying, 5, true);
    replay.runUntil(io.cvolsim.kernel.api.Durations.seconds(5));
    assertThat(replay.trace().lines()).isEqualTo(original.trace().lines());
    assertThat(replay.fingerprint()).isEqualTo(original.fingerprint());
  }

  @Test
  void sameSeedInTwoSeparateJvms_givesSameFingerprint() throws Exception {
    String inProcess = Fingerprint.hex(ChatterWorld.run(1234, 5, false).fingerprint());
    assertThat(fingerprintFromFreshJvm(1234)).isEqualTo(inProcess);
    assertThat(fingerprintFromFreshJvm(1234)).isEqualTo(inProcess);
  }

  private static String fingerprintFromFreshJvm(long seed) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ChatterWorld.class.getName(), Long.toString(seed)).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(process.waitFor()).as(output).isZero();
    return output;
  }
}

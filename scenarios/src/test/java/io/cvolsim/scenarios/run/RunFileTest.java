package io.cvolsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunFileTest {
  @Test
  void roundTrip_keepsSpecFingerprintAndViolations() {
    RunOutcome outcome = Runner.run(RunSpec.seeded("default", 5, List.of("net.loss=3%")), false);
    RunFile.Contents contents = RunFile.parse(RunFile.render(outcome).lines().toList());
    assertThat(contents.spec()).isEqualTo(outcome.spec());
    assertThat(contents.fingerprint()).isEqualTo(outcome.report().fingerprint());
  }

  @Test
  void drawsSection_roundTripsForCounterexamples() {
    RunOutcome seeded = Runner.run(RunSpec.seeded("default", 5, List.of()), false);
    RunSpec fromDraws = seeded.spec().withDraws(seeded.draws().stream().map(d -> d.value()).toList());
    RunOutcome replayed = Runner.run(fromDraws, false);
    RunFile.Contents contents = RunFile.parse(RunFile.render(replayed).lines().toList());
    assertThat(contents.spec().draws()).isEqualTo(fromDraws.draws());
    assertThat(Runner.run(contents.spec(), false).report().fingerprint()).isEqualTo(seeded.report().fingerprint());
  }

  @Test
  void malformedFiles_areRejectedWithTheLine() {
    assertThatThrownBy(() -> RunFile.parse(List.of("format-version: 1", "scenario: default", "seed: x")))
        .hasMessage("line 3: seed is not a number: 'x'");
    assertThatThrownBy(() -> RunFile.parse(List.of("format-version: 9", "scenario: default", "seed: 1")))
        .hasMessageContaining("format-version");
    assertThatThrownBy(() -> RunFile.parse(List.of("format-version: 1", "scenario: nope", "seed: 1")))
        .hasMessageContaining("unknown scenario 'nope'");
    assertThatThrownBy(() -> RunFile.parse(List.of("format-version: 1", "scenario: default", "seed: 1",
        "set: no.such=1"))).hasMessageContaining("unknown --set key 'no.such'");
    assertThatThrownBy(() -> RunFile.parse(List.of("garbage"))).hasMessageContaining("line 1");
  }
}

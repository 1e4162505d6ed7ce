package io.cvolsim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.reports.PropertyStatus;
import io.cvolsim.scenarios.properties.LinearizabilityProperty;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The first slice end to end: determinism, the V1 race found, the CAS default clean. */
class SliceRunTest {
  private static final List<String> READ_CHECK_WRITE = List.of("api.transition=read-check-write");

  @Test
  void sameSeed_sameFingerprintAndTrace_otherSeed_otherFingerprint() {
    RunOutcome first = Runner.run(RunSpec.seeded("default", 42, List.of()), true);
    RunOutcome second = Runner.run(RunSpec.seeded("default", 42, List.of()), true);
    RunOutcome other = Runner.run(RunSpec.seeded("default", 43, List.of()), false);
    assertThat(second.traceLines()).isEqualTo(first.traceLines());
    assertThat(second.report().fingerprint()).isEqualTo(first.report().fingerprint());
    assertThat(other.report().fingerprint()).isNotEqualTo(first.report().fingerprint());
    assertThat(first.report().counts().get("operations")).isGreaterThan(100);
  }

  @Test
  void replayFromRecordedDraws_reproducesTheSeedRun() {
    RunOutcome seeded = Runner.run(RunSpec.seeded("default", 7, List.of()), true);
    RunSpec fromDraws = seeded.spec().withDraws(seeded.draws().stream().map(d -> d.value()).toList());
    RunOutcome replayed = Runner.run(fromDraws, true);
    assertThat(replayed.traceLines()).isEqualTo(seeded.traceLines());
    assertThat(replayed.report().fingerprint()).isEqualTo(seeded.report().fingerprint());
  }

  @Test
  void readCheckWrite_isCaughtWithinTheSeedBudget_andItsReproReplaysTheViolation() {
    long failingSeed = LongStream.rangeClosed(1, 200)
        .filter(seed -> Runner.run(RunSpec.seeded("api-races", seed, READ_CHECK_WRITE), false).report().violated())
        .findFirst().orElseThrow(() -> new AssertionError("V1 race not found in 200 seeds"));
    RunOutcome first = Runner.run(RunSpec.seeded("api-races", failingSeed, READ_CHECK_WRITE), false);
    RunOutcome again = Runner.run(RunSpec.seeded("api-races", failingSeed, READ_CHECK_WRITE), false);
    assertThat(first.report().violatedProperties()).containsExactly(LinearizabilityProperty.NAME);
    assertThat(again.report().fingerprint()).isEqualTo(first.report().fingerprint());
    assertThat(first.report().reproCommand())
        .isEqualTo("./cvolsim replay --seed " + failingSeed + " --scenario api-races --set api.transition=read-check-write");
    assertThat(first.report().properties().get(0).witness()).isNotEmpty();
  }

  @Test
  void compareAndSwap_holdsAcrossTheCiSeedBudget() {
    for (long seed = 1; seed <= 60; seed++) {
      RunOutcome outcome = Runner.run(RunSpec.seeded("api-races", seed, List.of()), false);
      assertThat(outcome.report().properties()).as("seed %d", seed)
          .allMatch(property -> property.status() == PropertyStatus.HOLDS);
    }
  }

  /**
   * Cinder's API checks {@code volume.host} on the object it loaded and then destroys the row
   * unconditionally, so two deletes of a never-scheduled volume both succeed. Found by this
   * harness; {@code api.unscheduled_delete=cas} removes it (the api-races scenario sets that).
   */
  @Test
  void unscheduledDelete_destroyAsCinderDoes_isCaught() {
    List<String> cinder = List.of("api.unscheduled_delete=destroy");
    boolean found = LongStream.rangeClosed(1, 20)
        .anyMatch(seed -> Runner.run(RunSpec.seeded("api-races", seed, cinder), false).report().violated());
    assertThat(found).as("two deletes of a never-scheduled volume both accepted within 20 seeds").isTrue();
  }

  @Test
  void reachability_rejectedTransitionsAndUnknownOutcomesOccur() {
    RunOutcome outcome = Runner.run(RunSpec.seeded("default", 11, List.of()), false);
    assertThat(outcome.report().probes().get("api.transition-rejected")).isPositive();
    assertThat(outcome.history().operations()).anyMatch(op -> op.type().name().equals("INFO"));
    assertThat(outcome.report().counts().get("messages_dropped")).isPositive();
  }
}

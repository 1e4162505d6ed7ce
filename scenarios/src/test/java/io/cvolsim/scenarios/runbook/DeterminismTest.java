package io.cvolsim.scenarios.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.scenarios.run.RunOutcome;
import io.cvolsim.scenarios.run.RunSpec;
import io.cvolsim.scenarios.run.Runner;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every preset's deployment run is a function of its seed (STYLE rule 9): the same spec run twice
 * gives the same fingerprint, so a runbook's or a swarm's counterexample replays.
 */
class DeterminismTest {
  private static final long SEED = 7;

  /** Intent: run the deployment under {@code cinder-today} twice with one seed; compare fingerprints. */
  @Test
  void cinderToday_sameSeedTwice_sameFingerprint() {
    assertSameFingerprintTwice("cinder-today");
  }

  /** Intent: the same for {@code hardened} (etcd, storage fencing, automatic cleanup, CAS completions). */
  @Test
  void hardened_sameSeedTwice_sameFingerprint() {
    assertSameFingerprintTwice("hardened");
  }

  /**
   * Intent: with a provisioning limit, under both countings, which read the database or processes'
   * counters; and without one nothing is counted, so the counting changes nothing.
   */
  @Test
  void capacityLimit_sameSeedTwice_sameFingerprint_andUnlimitedChangesNothing() {
    assertSameFingerprintTwice("cinder-today", "backend.capacity_gb=3");
    assertSameFingerprintTwice("hardened", "backend.capacity_gb=3");
    RunSpec plain = RunSpec.seeded("deployment", Optional.of("hardened"), SEED, List.of("backend.capacity_gb=unlimited"));
    RunSpec unlimited = RunSpec.seeded("deployment", Optional.of("hardened"), SEED,
        List.of("backend.capacity_gb=unlimited", "volume.capacity_count=at-finish"));
    assertThat(Runner.run(unlimited, false).report().fingerprint())
        .isEqualTo(Runner.run(plain, false).report().fingerprint());
  }

  /**
   * Intent: the attachments API on, under the nemesis, with its drawn detach delay and both
   * unsafe values: Nova's flows, the API's DLM lock and its RPC calls still replay bit for bit.
   */
  @Test
  void attachmentsApi_sameSeedTwice_sameFingerprint() {
    RunOutcome first = assertSameFingerprintTwice("hardened", "workload.attach_api=attachments",
        "api.attachment_lock=none", "api.attachment_delete_status=api-and-c-vol", "api.detach_return_delay_max=5s");
    assertThat(first.report().probes()).containsKey("api.attachment-reserve-rejected");
    RunOutcome legacy = Runner.run(RunSpec.seeded("deployment", Optional.of("hardened"), SEED, List.of()), false);
    assertThat(first.report().fingerprint()).as("the new workload changes the run").isNotEqualTo(
        legacy.report().fingerprint());
  }

  private static RunOutcome assertSameFingerprintTwice(String preset, String... settings) {
    RunSpec spec = RunSpec.seeded("deployment", Optional.of(preset), SEED, List.of(settings));
    RunOutcome first = Runner.run(spec, false);
    RunOutcome second = Runner.run(spec, false);
    assertThat(first.report().counts().get("operations")).as("the run did something").isGreaterThan(10);
    assertThat(second.report().fingerprint()).isEqualTo(first.report().fingerprint());
    assertThat(second.report().counts()).isEqualTo(first.report().counts());
    return first;
  }
}

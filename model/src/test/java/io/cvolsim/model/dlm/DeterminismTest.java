package io.cvolsim.model.dlm;

import static io.cvolsim.model.dlm.DlmWorld.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Same seed, same configuration: the same trace fingerprint and the same lock log. */
class DeterminismTest {

  private static DlmWorld contendedRun(CoordinationBackend backend, long seed) {
    DlmWorld world = DlmWorld.withClients(seed, backend, "c-vol-1", "c-vol-2");
    for (String client : List.of("c-vol-1", "c-vol-2")) {
      world.startAt(seconds(1), client, () -> world.coordinator(client).synchronizedOn(
          List.of("a", "b"), LockWait.forever(), "test", () -> world.context(client).sleep("work", seconds(2))));
    }
    world.pauseBetween("c-vol-1", seconds(2), seconds(50));
    world.runUntil(seconds(90));
    return world;
  }

  @ParameterizedTest
  @EnumSource(CoordinationBackend.class)
  void sameSeed_sameFingerprintAndLockLog(CoordinationBackend backend) {
    DlmWorld first = contendedRun(backend, 70);
    DlmWorld second = contendedRun(backend, 70);
    assertThat(second.simulation.fingerprint()).isEqualTo(first.simulation.fingerprint());
    assertThat(second.log.events()).isEqualTo(first.log.events());
    assertThat(first.log.events()).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = CoordinationBackend.class, names = {"ETCD", "ZOOKEEPER"})
  void otherSeed_otherFingerprint(CoordinationBackend backend) {
    assertThat(contendedRun(backend, 71).simulation.fingerprint())
        .isNotEqualTo(contendedRun(backend, 70).simulation.fingerprint());
  }
}

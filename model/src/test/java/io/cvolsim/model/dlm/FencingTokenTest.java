package io.cvolsim.model.dlm;

import static io.cvolsim.model.dlm.DlmWorld.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.Durations;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every server-backed lock hands out strictly increasing fencing tokens, grant after grant. */
class FencingTokenTest {
  private static final String LOCK = "image-7";

  @ParameterizedTest
  @EnumSource(value = CoordinationBackend.class, names = {"ETCD", "ZOOKEEPER", "WORKERS_TABLE"})
  void tokens_strictlyIncreaseAcrossContendedGrants(CoordinationBackend backend) {
    DlmWorld world = DlmWorld.withClients(50, backend, "c-vol-1", "c-vol-2", "c-vol-3");
    String[] clients = {"c-vol-1", "c-vol-2", "c-vol-3"};
    for (int round = 0; round < 4; round++) {
      for (String client : clients) {
        long start = seconds(1) + Durations.millis(round * 300L);
        world.startAt(start, client + " round " + round, () -> world.coordinator(client).synchronizedOn(
            List.of(LOCK), LockWait.forever(), "test", () -> world.context(client).sleep("hold", Durations.millis(200))));
      }
    }
    world.runUntil(seconds(60));

    List<LockEvent> grants = world.events(LOCK, LockEvent.Kind.GRANTED);
    assertThat(grants).hasSize(12);
    for (int i = 1; i < grants.size(); i++) {
      assertThat(grants.get(i).token()).as("grant %d of %s", i, backend).isGreaterThan(grants.get(i - 1).token());
    }
    assertThat(world.events(LOCK, LockEvent.Kind.RELEASED)).hasSize(12);
  }
}

package io.cvolsim.model.workers;

import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Same seed, same run: the trace fingerprint and the worker log repeat exactly. */
class DeterminismTest {

  private static WorkersWorld run(long seed) {
    WorkersWorld world = new WorkersWorld(seed, WorkersOptions.cinderToday()).client("c-vol-1").client("c-vol-2");
    for (String volume : List.of("v1", "v2", "v3", "v4")) {
      world.volumeWithWorker(volume, "creating", "creating", 10L, seconds(1));
    }
    for (String cleaner : List.of("c-vol-1", "c-vol-2")) {
      Cleaner each = world.cleaner(cleaner, cleaner.equals("c-vol-1") ? 11 : 12, WorkersWorld.slowAction(seconds(1)));
      world.startAt(seconds(10), cleaner + " cleans", () -> each.doCleanup(CleanupRequest.forService(10)));
    }
    world.runUntil(seconds(30));
    return world;
  }

  @Test
  void sameSeed_sameFingerprintAndLog() {
    WorkersWorld first = run(42);
    WorkersWorld second = run(42);
    assertThat(second.simulation.fingerprint()).isEqualTo(first.simulation.fingerprint());
    assertThat(second.log.events()).isEqualTo(first.log.events());
  }
}

package io.cvolsim.model.storage;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static io.cvolsim.model.storage.StorageWorld.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Ratio;
import org.junit.jupiter.api.Test;

/** Same seed, same log, same inventory and same fingerprint; another seed, another run. */
class StorageDeterminismTest {

  /** Two nodes racing on one volume with drawn durations, injected errors and a crash. */
  private static StorageWorld run(long seed) {
    StorageWorld world = new StorageWorld(seed, StorageOptions.defaults());
    DriverOptions flaky = DriverOptions.defaults().withErrorRatio(Ratio.percent(30));
    world.addClient(NodeId.of("c-vol-a"),
        at(0, "create v1", c -> c.driver.createVolume("v1", 1)),
        at(seconds(2), "attach", c -> c.driver.initializeConnection("v1", "host-a")),
        at(seconds(3), "write 0", c -> c.disk("v1", "host-a").writeBlock(0)),
        at(seconds(4), "clone v2", c -> c.driver.createCloneFrom("v2", "v1", 1)),
        at(seconds(5), "write 3", c -> c.disk("v1", "host-a").writeBlock(3)),
        at(seconds(20), "snapshot s1", c -> c.driver.createSnapshot("s1", "v2")));
    world.addClient(NodeId.of("c-vol-b"), flaky,
        at(millis(7500), "delete v1", c -> c.driver.deleteVolume("v1")),
        at(seconds(30), "from snapshot", c -> c.driver.createFromSnapshot("v3", "s1", 2)));
    world.simulation.scheduleAt(seconds(6), "crash a", () -> world.simulation.crash(NodeId.of("c-vol-a")));
    world.simulation.runUntil(seconds(60));
    return world;
  }

  @Test
  void sameSeed_sameLogContentAndFingerprint() {
    StorageWorld first = run(42);
    StorageWorld second = run(42);
    assertThat(second.log.describe()).isEqualTo(first.log.describe());
    assertThat(second.log.inventory()).isEqualTo(first.log.inventory());
    assertThat(second.simulation.fingerprint()).isEqualTo(first.simulation.fingerprint());
    assertThat(first.log.entries()).hasSizeGreaterThan(3);
  }

  @Test
  void differentSeeds_drawDifferentTimings() {
    assertThat(run(1).log.describe()).isNotEqualTo(run(2).log.describe());
  }
}

package io.cvolsim.model.broker;

import static io.cvolsim.kernel.api.Durations.millis;
import static io.cvolsim.kernel.api.Durations.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Ratio;
import io.cvolsim.kernel.sim.LinkProfile;
import org.junit.jupiter.api.Test;

/** Same seed, same run: the trace, its fingerprint and the broker log are identical. */
class BrokerDeterminismTest {

  private static BrokerWorld run(long seed) {
    LinkProfile link = new LinkProfile(millis(1), millis(200), Ratio.percent(1), Ratio.ZERO);
    BrokerWorld world = new BrokerWorld(seed, BrokerOptions.osloDefaults().withAckMode(AckMode.AFTER_COMPLETION),
        link);
    NodeId first = world.addWorker("c-vol-1", seconds(3));
    world.addWorker("c-vol-2", seconds(5));
    world.addWorker("c-vol-3", seconds(1));
    for (int job = 1; job <= 40; job++) {
      world.castAt(millis(250L * job), "job-" + job);
    }
    world.at(seconds(4), "pause", () -> world.simulation.pause(first));
    world.at(seconds(90), "resume", () -> world.simulation.resume(first));
    world.simulation.runUntil(seconds(200));
    return world;
  }

  @Test
  void sameSeed_sameTraceFingerprintAndLog() {
    BrokerWorld first = run(7);
    BrokerWorld second = run(7);
    assertThat(first.simulation.trace().lineCount()).isGreaterThan(300);
    assertThat(second.simulation.fingerprint()).isEqualTo(first.simulation.fingerprint());
    assertThat(second.log.entries()).isEqualTo(first.log.entries());
    assertThat(first.log.executedMoreThanOnce()).as("the frozen member's jobs ran twice").isNotEmpty();
  }

  @Test
  void differentSeed_differentFingerprint() {
    assertThat(run(8).simulation.fingerprint()).isNotEqualTo(run(7).simulation.fingerprint());
  }
}

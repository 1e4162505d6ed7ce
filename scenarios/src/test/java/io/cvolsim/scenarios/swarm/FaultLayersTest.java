package io.cvolsim.scenarios.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultLayersTest {
  private final List<String> applied = new ArrayList<>();
  private final FaultLayers<String, String> layers =
      new FaultLayers<>("base", (knob, value) -> applied.add(knob + "=" + value));

  @Test
  void theFirstFaultToEnd_leavesAnOverlappingOneInForce() {
    long slow = layers.begin("c-vol-1->storage", "slow 5s");
    long slower = layers.begin("c-vol-1->storage", "slow 9s");
    layers.end("c-vol-1->storage", slow);
    layers.end("c-vol-1->storage", slower);

    assertThat(applied).containsExactly("c-vol-1->storage=slow 5s", "c-vol-1->storage=slow 9s",
        "c-vol-1->storage=base");
  }

  @Test
  void theLatestToEndFirst_handsBackToTheOneBeneath() {
    long first = layers.begin("database", "10%");
    long second = layers.begin("database", "30%");
    layers.end("database", second);
    layers.end("database", first);

    assertThat(applied).containsExactly("database=10%", "database=30%", "database=10%", "database=base");
  }

  @Test
  void knobsAreIndependent_andAnUnknownLayerChangesNothing() {
    long a = layers.begin("a", "x");
    layers.begin("b", "y");
    layers.end("a", a);
    layers.end("a", a);
    layers.end("b", 999);

    assertThat(applied).containsExactly("a=x", "b=y", "a=base");
  }
}

package io.cvolsim.scenarios.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.kernel.choice.Draw;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadableDrawsTest {
  @Test
  void describe_countsAndListsOnlyDrawsAboveTheirLowerBound_rarestFamilyFirst() {
    List<Draw> draws = List.of(
        new Draw("client.think", 0, 500_000_000, 0),
        new Draw("client.operation", 0, 17, 5),
        new Draw("nemesis.first-fault", 0, 10_000_000_000L, 31_200_000),
        new Draw("client.operation", 0, 17, 0),
        new Draw("client.operation", 0, 17, 3),
        new Draw("net.latency api-1->db", 1_000_000, 10_000_000, 1_000_000),
        new Draw("net.latency db->api-1", 1_000_000, 10_000_000, 2_500_000));
    assertThat(ReadableDraws.describe(draws, 2)).containsExactly(
        "7 draws, 3 at their lower bound; the rest by label:",
        "  client.operation: 2 of 3",
        "  nemesis.first-fault: 1 of 1",
        "  net.latency: 1 of 2",
        "  #2 nemesis.first-fault = 31.200ms (0ns..10s)",
        "  #6 net.latency db->api-1 = 2.500ms (1ms..10ms)",
        "  ... and 2 more (the run file lists every draw)");
  }
}

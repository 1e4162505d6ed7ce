package io.cvolsim.kernel.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeClockTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aPastReadingIsDatedInTheStretchItFellIn() {
    NodeClock clock = new NodeClock(0);
    clock.setDrift(10 * SECOND, -200_000);
    // Slow by a fifth from 10 s: the monotonic clock reads 18 s at true 20 s.
    assertThat(clock.monotonicTime(20 * SECOND)).isEqualTo(18 * SECOND);
    clock.setDrift(20 * SECOND, 0);

    assertThat(clock.trueTimeOfMonotonic(5 * SECOND)).isEqualTo(5 * SECOND);
    assertThat(clock.trueTimeOfMonotonic(14 * SECOND)).isEqualTo(15 * SECOND);
    assertThat(clock.trueTimeOfMonotonic(19 * SECOND)).isEqualTo(21 * SECOND);
  }

  @Test
  void aReadingIsDatedAtTheFirstTrueTimeTheClockShowedIt() {
    NodeClock clock = new NodeClock(0);
    clock.setDrift(0, 1_000);
    long dated = clock.trueTimeOfMonotonic(SECOND);

    assertThat(clock.monotonicTime(dated)).isGreaterThanOrEqualTo(SECOND);
    assertThat(clock.monotonicTime(dated - 1)).isLessThan(SECOND);
  }

  @Test
  void aReadingBeforeTheClockBeganIsDatedAtItsBeginning() {
    NodeClock clock = new NodeClock(7 * SECOND);

    assertThat(clock.trueTimeOfMonotonic(SECOND)).isEqualTo(7 * SECOND);
  }
}

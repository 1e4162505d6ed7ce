package io.cvolsim.kernel.shrink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cvolsim.kernel.choice.Draw;
import io.cvolsim.kernel.choice.RecordingChoices;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The shrinker on a tiny generator: a list of numbers drawn as "more?" then "x", as Hypothesis
 * draws lists, so that deleting a "more"/"x" pair removes an element.
 */
class ChoiceShrinkerTest {
  private static final int ELEMENTS_MAX = 50;

  /** Generates a list from the choices and judges it. */
  private static Trial generate(RecordingChoices choices, Predicate<List<Long>> fails) {
    List<Long> elements = new ArrayList<>();
    while (elements.size() < ELEMENTS_MAX && choices.draw("more", 0, 1) == 1) {
      elements.add(choices.draw("x", 0, 100));
    }
    return new Trial(fails.test(elements), choices.draws(), elements.size());
  }

  private static ShrinkPredicate predicate(Predicate<List<Long>> fails) {
    return (values, drawsMax) -> generate(RecordingChoices.replaying(values), fails);
  }

  /** The first seed whose list fails, so the tests start from a real, messy failing run. */
  private static Trial firstFailing(Predicate<List<Long>> fails, int elementsAtLeast) {
    for (long seed = 1; seed < 10_000; seed++) {
      Trial trial = generate(RecordingChoices.seeded(seed), fails);
      if (trial.stillFails() && trial.size() >= elementsAtLeast) {
        return trial;
      }
    }
    throw new AssertionError("no failing seed");
  }

  private static final Predicate<List<Long>> ANY_AT_LEAST_50 = xs -> xs.stream().anyMatch(x -> x >= 50);

  @Test
  void shrink_anyElementAtLeast50_reachesTheOneElementList50() {
    Trial failing = firstFailing(ANY_AT_LEAST_50, 4);
    ShrinkResult result = new ChoiceShrinker(predicate(ANY_AT_LEAST_50), ShrinkBudget.calls(2_000)).shrink(failing);
    assertThat(result.best().values()).containsExactly(1L, 50L, 0L);
    assertThat(result.stats().sizeBefore()).isGreaterThanOrEqualTo(4);
    assertThat(result.stats().sizeAfter()).isEqualTo(1);
    assertThat(result.stats().drawsBefore()).isEqualTo(failing.draws().size());
    assertThat(result.stats().drawsAfter()).isEqualTo(3);
    assertThat(result.stats().steps()).isPositive().isLessThanOrEqualTo(result.stats().calls());
    assertThat(result.stats().budgetSpent()).isFalse();
  }

  @Test
  void shrink_sumAtLeast150_needsTwoElements_andPutsTheSmallerFirst() {
    Predicate<List<Long>> sumAtLeast150 = xs -> xs.stream().mapToLong(Long::longValue).sum() >= 150;
    Trial failing = firstFailing(sumAtLeast150, 3);
    ShrinkResult result = new ChoiceShrinker(predicate(sumAtLeast150), ShrinkBudget.calls(5_000)).shrink(failing);
    assertThat(result.best().size()).isEqualTo(2);
    List<Long> values = result.best().values();
    assertThat(values.get(1) + values.get(3)).isEqualTo(150);
    assertThat(values.get(1)).isLessThanOrEqualTo(values.get(3));
  }

  @Test
  void shrink_isDeterministic() {
    Trial failing = firstFailing(ANY_AT_LEAST_50, 6);
    ShrinkResult first = new ChoiceShrinker(predicate(ANY_AT_LEAST_50), ShrinkBudget.calls(40)).shrink(failing);
    ShrinkResult second = new ChoiceShrinker(predicate(ANY_AT_LEAST_50), ShrinkBudget.calls(40)).shrink(failing);
    assertThat(second.best()).isEqualTo(first.best());
    assertThat(second.stats()).isEqualTo(first.stats());
  }

  @Test
  void shrink_neverKeepsACandidateThatIsNotSimpler() {
    Trial failing = firstFailing(ANY_AT_LEAST_50, 3);
    // Every candidate "fails", but reports draws longer than the original: none may be kept.
    List<Draw> longer = new ArrayList<>(failing.draws());
    longer.add(new Draw("extra", 0, 1, 0));
    ShrinkResult result = new ChoiceShrinker((values, drawsMax) -> new Trial(true, longer, 99), ShrinkBudget.calls(500))
        .shrink(failing);
    assertThat(result.best()).isEqualTo(failing);
    assertThat(result.stats().steps()).isZero();
    assertThat(result.stats().calls()).isPositive();
  }

  @Test
  void shrink_tellsThePredicateTheLongestRunItCouldKeep() {
    Trial failing = firstFailing(ANY_AT_LEAST_50, 6);
    List<Integer> limits = new ArrayList<>();
    ShrinkPredicate recording = (values, drawsMax) -> {
      limits.add(drawsMax);
      return predicate(ANY_AT_LEAST_50).run(values, drawsMax);
    };
    ShrinkResult result = new ChoiceShrinker(recording, ShrinkBudget.calls(2_000)).shrink(failing);
    assertThat(limits.get(0)).isEqualTo(failing.draws().size());
    assertThat(limits).isSortedAccordingTo((a, b) -> Integer.compare(b, a)).last().isEqualTo(3);
    assertThat(result.best().draws()).hasSize(3);
  }

  @Test
  void shrink_stopsAtTheCallBudget_andSaysSo() {
    Trial failing = firstFailing(ANY_AT_LEAST_50, 6);
    List<Integer> calls = new ArrayList<>();
    ShrinkPredicate counting = (values, drawsMax) -> {
      calls.add(1);
      return predicate(ANY_AT_LEAST_50).run(values, drawsMax);
    };
    ShrinkResult result = new ChoiceShrinker(counting, ShrinkBudget.calls(5)).shrink(failing);
    assertThat(calls).hasSize(5);
    assertThat(result.stats().calls()).isEqualTo(5);
    assertThat(result.stats().budgetSpent()).isTrue();
    assertThat(result.best().stillFails()).isTrue();
  }

  @Test
  void shrink_stopsAtTheDeadline_onTheCallersClock() {
    Trial failing = firstFailing(ANY_AT_LEAST_50, 6);
    long[] fakeNanos = {0};
    ShrinkPredicate slow = (values, drawsMax) -> {
      fakeNanos[0] += 1_000; // each run "takes" a microsecond of the fake clock
      return predicate(ANY_AT_LEAST_50).run(values, drawsMax);
    };
    ShrinkBudget budget = ShrinkBudget.calls(1_000).withDeadline(() -> fakeNanos[0], 3_000);
    ShrinkResult result = new ChoiceShrinker(slow, budget).shrink(failing);
    assertThat(result.stats().calls()).isEqualTo(3);
    assertThat(result.stats().budgetSpent()).isTrue();
  }

  @Test
  void shrink_refusesARunThatDoesNotFail() {
    Trial holding = generate(RecordingChoices.seeded(1), xs -> false);
    assertThatThrownBy(() -> new ChoiceShrinker(predicate(xs -> false), ShrinkBudget.calls(10)).shrink(holding))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing to shrink");
    assertThatThrownBy(() -> ShrinkBudget.calls(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shortlex_fewerDrawsFirst_thenNearerTheLowerBound() {
    List<Draw> oneDraw = List.of(new Draw("a", 5, 9, 9));
    List<Draw> twoDraws = List.of(new Draw("a", 5, 9, 5), new Draw("b", 0, 1, 0));
    assertThat(Shortlex.simpler(oneDraw, twoDraws)).isTrue();
    assertThat(Shortlex.simpler(twoDraws, oneDraw)).isFalse();
    // Compared by distance from the bound, not by raw value: 6 in 5..9 is simpler than 3 in 0..9.
    assertThat(Shortlex.simpler(List.of(new Draw("a", 5, 9, 6)), List.of(new Draw("a", 0, 9, 3)))).isTrue();
    assertThat(Shortlex.compare(oneDraw, List.of(new Draw("a", 5, 9, 9)))).isZero();
    List<Draw> fullRange = List.of(new Draw("f", Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE));
    List<Draw> fullRangeLow = List.of(new Draw("f", Long.MIN_VALUE, Long.MAX_VALUE, 0));
    assertThat(Shortlex.simpler(fullRangeLow, fullRange)).isTrue();
  }
}

package io.cvolsim.kernel.shrink;

import io.cvolsim.kernel.choice.Draw;
import io.cvolsim.kernel.sim.Fingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Shrinks a failing choice sequence in the manner of Hypothesis: edit the sequence, re-run it
 * through the caller's {@link ShrinkPredicate}, and keep the edit when the run still fails and
 * the draws it made are {@link Shortlex shortlex}-simpler than the best so far. The passes
 * delete spans of draws, set spans to their lower bounds, lower single values by binary search
 * and swap out-of-order neighbours, each from large edits to small; rounds repeat until one
 * changes nothing (a fixed point) or the {@link ShrinkBudget} is spent.
 *
 * <p>Deterministic: the same failing trial, predicate and calls-only budget give the same
 * result. One instance shrinks one sequence; it is not thread-safe.
 */
public final class ChoiceShrinker {
  /** Halvings per value when lowering it: gets within 1/128 of its distance, then moves on. */
  static final int LOWER_STEPS_MAX = 8;
  /** Zeroing a label's draws stops halving at this many parts; single draws come later. */
  static final int LABEL_CHUNKS_MAX = 16;
  /** Candidates remembered so none is run twice; forgotten in bulk past this many. */
  static final int TRIED_REMEMBERED_MAX = 1 << 16;

  private final ShrinkPredicate predicate;
  private final ShrinkBudget budget;
  private final TreeSet<Long> triedHashes = new TreeSet<>();
  private Trial best;
  private long calls;
  private long steps;
  private long startNanos;

  public ChoiceShrinker(ShrinkPredicate predicate, ShrinkBudget budget) {
    this.predicate = predicate;
    this.budget = budget;
  }

  /**
   * Shrinks {@code failing}, whose {@link Trial#stillFails} must be true.
   *
   * @return the simplest failing trial found; {@code failing} itself when nothing simpler fails
   */
  public ShrinkResult shrink(Trial failing) {
    if (!failing.stillFails()) {
      throw new IllegalArgumentException("nothing to shrink: the given trial does not fail");
    }
    best = failing;
    startNanos = budget.clockNanos().getAsLong();
    boolean changed = true;
    while (changed && !spent()) {
      long stepsBefore = steps;
      zeroByLabel();
      zeroSpans();
      deleteSpans();
      lowerValues();
      sortNeighbours();
      changed = steps > stepsBefore;
    }
    return new ShrinkResult(best, new ShrinkStats(steps, calls, failing.draws().size(),
        best.draws().size(), failing.size(), best.size(), spent()));
  }

  /** Deletes spans of draws, halving the span size, from the end: later draws disturb less. */
  private void deleteSpans() {
    for (int span = largestSpan(); span >= 1 && !spent(); span /= 2) {
      for (int start = best.draws().size() - span; start >= 0 && !spent(); start -= span) {
        List<Long> values = best.values();
        if (start + span <= values.size()) {
          List<Long> candidate = new ArrayList<>(values.subList(0, start));
          candidate.addAll(values.subList(start + span, values.size()));
          List<String> labels = new ArrayList<>(bestLabels().subList(0, start));
          labels.addAll(bestLabels().subList(start + span, values.size()));
          attempt(candidate, labels);
        }
      }
    }
  }

  /**
   * Sets every draw of one label to its lower bound, then halves of them, and so on down to
   * {@link #LABEL_CHUNKS_MAX} parts: cheap, and it leaves a reader only the draws that matter.
   */
  private void zeroByLabel() {
    for (String label : labelsInOrder()) {
      zeroChunks(() -> indicesOf(label), LABEL_CHUNKS_MAX);
    }
  }

  /** Sets spans of draws to their lower bounds, the whole sequence first, halving the span. */
  private void zeroSpans() {
    zeroChunks(this::allIndices, Integer.MAX_VALUE);
  }

  /**
   * Sets consecutive chunks of the given draw positions to their lower bounds, from the end,
   * halving the chunk size from all of them down to a {@code chunksMax}-th of them.
   */
  private void zeroChunks(Supplier<List<Integer>> positions, int chunksMax) {
    int count = positions.get().size();
    int smallestChunk = Math.max(1, count / chunksMax);
    for (int chunk = count; chunk >= smallestChunk && chunk > 0 && !spent(); chunk /= 2) {
      for (int end = positions.get().size(); end > 0 && !spent(); end -= chunk) {
        List<Integer> current = positions.get();
        List<Integer> chosen = current.subList(Math.max(0, Math.min(end, current.size()) - chunk),
            Math.min(end, current.size()));
        List<Draw> draws = best.draws();
        if (chosen.stream().anyMatch(i -> draws.get(i).value() != draws.get(i).min())) {
          List<Long> candidate = new ArrayList<>(best.values());
          chosen.forEach(i -> candidate.set(i, draws.get(i).min()));
          attempt(candidate);
        }
      }
    }
  }

  private List<String> labelsInOrder() {
    TreeSet<String> seen = new TreeSet<>();
    List<String> labels = new ArrayList<>();
    for (Draw draw : best.draws()) {
      if (seen.add(draw.label())) {
        labels.add(draw.label());
      }
    }
    return labels;
  }

  private List<Integer> indicesOf(String label) {
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < best.draws().size(); i++) {
      if (best.draws().get(i).label().equals(label)) {
        indices.add(i);
      }
    }
    return indices;
  }

  private List<Integer> allIndices() {
    return IntStream.range(0, best.draws().size()).boxed().toList();
  }

  /** Lowers each value toward its bound by binary search, first to last. */
  private void lowerValues() {
    for (int index = 0; index < best.draws().size() && !spent(); index++) {
      lowerValue(index);
    }
  }

  private void lowerValue(int index) {
    long lowestUntried = Long.MIN_VALUE;
    for (int step = 0; step < LOWER_STEPS_MAX && !spent() && index < best.draws().size(); step++) {
      Draw draw = best.draws().get(index);
      long low = Math.max(lowestUntried, draw.min());
      if (draw.value() <= low) {
        return;
      }
      // The first try is the bound itself; then halfway, in unsigned arithmetic for huge ranges.
      long target = step == 0 ? low : low + ((draw.value() - low) >>> 1);
      List<Long> candidate = new ArrayList<>(best.values());
      candidate.set(index, target);
      if (!attempt(candidate)) {
        lowestUntried = target + 1;
      }
    }
  }

  /** Swaps neighbouring draws of the same kind whose values are out of order. */
  private void sortNeighbours() {
    for (int index = 0; index + 1 < best.draws().size() && !spent(); index++) {
      Draw left = best.draws().get(index);
      Draw right = best.draws().get(index + 1);
      boolean sameKind = left.label().equals(right.label()) && left.min() == right.min()
          && left.max() == right.max();
      if (sameKind && left.value() > right.value()) {
        List<Long> candidate = new ArrayList<>(best.values());
        candidate.set(index, right.value());
        candidate.set(index + 1, left.value());
        attempt(candidate);
      }
    }
  }

  /**
   * Runs a candidate unless it ran before, and keeps what the run drew when it still fails and
   * is simpler than the best.
   */
  private boolean attempt(List<Long> candidate) {
    return attempt(candidate, bestLabels());
  }

  /** {@code labels}: the label of the draw each candidate value was edited from. */
  private boolean attempt(List<Long> candidate, List<String> labels) {
    if (spent() || !firstTry(candidate, labels)) {
      return false;
    }
    calls++;
    return keep(predicate.run(candidate, labels, best.draws().size()));
  }

  private boolean keep(Trial trial) {
    if (trial.stillFails() && Shortlex.simpler(trial.draws(), best.draws())) {
      best = trial;
      steps++;
      return true;
    }
    return false;
  }

  private List<String> bestLabels() {
    return best.draws().stream().map(Draw::label).toList();
  }

  private boolean firstTry(List<Long> candidate, List<String> labels) {
    if (triedHashes.size() >= TRIED_REMEMBERED_MAX) {
      triedHashes.clear();
    }
    // A hash collision only skips one candidate; it cannot make a result wrong.
    Fingerprint hash = new Fingerprint();
    hash.add(candidate.size());
    candidate.forEach(hash::add);
    labels.forEach(hash::add);
    return triedHashes.add(hash.value());
  }

  private boolean spent() {
    return calls >= budget.maxCalls()
        || budget.clockNanos().getAsLong() - startNanos >= budget.maxNanos();
  }

  private int largestSpan() {
    return Integer.highestOneBit(Math.max(1, best.draws().size() / 2));
  }

}

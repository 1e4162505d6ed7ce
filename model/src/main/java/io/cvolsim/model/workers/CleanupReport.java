package io.cvolsim.model.workers;

import java.util.ArrayList;
import java.util.List;

/**
 * What one {@code do_cleanup} did, by workers-row id, for the caller's trace and for tests. The
 * {@link WorkerLog} is the checkers' record; this is the cleaner's own summary.
 */
public record CleanupReport(List<Long> claimed, List<Long> lost, List<Long> actionsRun,
    List<Long> skipped, List<Long> deleted, List<Long> kept, List<Long> givenBack) {

  public CleanupReport {
    claimed = List.copyOf(claimed);
    lost = List.copyOf(lost);
    actionsRun = List.copyOf(actionsRun);
    skipped = List.copyOf(skipped);
    deleted = List.copyOf(deleted);
    kept = List.copyOf(kept);
    givenBack = List.copyOf(givenBack);
  }

  /** The mutable tally one run fills in. */
  static final class Tally {
    final List<Long> claimed = new ArrayList<>();
    final List<Long> lost = new ArrayList<>();
    final List<Long> actionsRun = new ArrayList<>();
    final List<Long> skipped = new ArrayList<>();
    final List<Long> deleted = new ArrayList<>();
    final List<Long> kept = new ArrayList<>();
    final List<Long> givenBack = new ArrayList<>();

    CleanupReport report() {
      return new CleanupReport(claimed, lost, actionsRun, skipped, deleted, kept, givenBack);
    }
  }
}

package io.cvolsim.scenarios.properties;

import io.cvolsim.model.workers.WorkerEvent;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;

/**
 * S9 no cleanup of newer work (reference §8, §5.5): no cleanup action runs on a row whose
 * {@code updated_at}, as the cleaner read it, is later than the cleanup's {@code until} bound.
 * Both are node-clock values, compared as the protocol compares them. A cleanup without a bound
 * (variant V7) leaves nothing to compare against, so its actions make the verdict UNKNOWN, never
 * a pass. Exercised when a cleanup action ran.
 */
public final class NoCleanupOfNewerWorkProperty {
  public static final String NAME = "S9 no cleanup of newer work";
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.ALWAYS);

  private NoCleanupOfNewerWorkProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    return check(artifacts.workers().events());
  }

  static PropertyResult check(List<WorkerEvent> events) {
    List<String> witness = new ArrayList<>();
    List<String> unbounded = new ArrayList<>();
    int actions = 0;
    for (WorkerEvent event : events) {
      if (event.kind() != WorkerEvent.Kind.ACTION_RUN) {
        continue;
      }
      actions++;
      if (event.untilNanos() == null) {
        unbounded.add("cleanup with no until bound by " + event.node() + " on row " + event.row());
      } else if (event.row().updatedAtNanos() > event.untilNanos()) {
        witness.add("row updated at " + event.row().updatedAtNanos() + " ns after until " + event.untilNanos()
            + " ns cleaned by " + event.node() + ": " + event.row());
      }
    }
    if (actions == 0) {
      return VERDICTS.notExercised("no cleanup action ran");
    }
    if (!witness.isEmpty()) {
      return VERDICTS.violated(witness.size() + " cleanups of rows newer than their bound", witness);
    }
    if (!unbounded.isEmpty()) {
      return VERDICTS.unknown(unbounded.size() + " of " + actions + " cleanup actions had no until bound", unbounded);
    }
    return VERDICTS.holds(actions + " cleanup actions, all on rows older than their bound");
  }
}

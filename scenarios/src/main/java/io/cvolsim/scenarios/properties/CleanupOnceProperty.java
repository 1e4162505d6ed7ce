package io.cvolsim.scenarios.properties;

import io.cvolsim.model.workers.WorkerEvent;
import io.cvolsim.model.workers.WorkerLog;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * S8 cleanup at most once per row version (reference §8, §5.5): for each workers row version
 * (row id, race_preventer the claim was based on) at most one cleaner runs the cleanup action,
 * as {@link WorkerLog#cleanersByRowVersion()} lists them. Two greenthreads of one service are two
 * cleaners. Not judged here: "never while the owner still runs on a live node", which needs the
 * owner's liveness (S1 and fencing see its storage side). Exercised when a cleaner won a claim.
 */
public final class CleanupOnceProperty {
  public static final String NAME = "S8 cleanup at most once per row version";
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.ALWAYS);

  private CleanupOnceProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    return check(artifacts.workers());
  }

  static PropertyResult check(WorkerLog log) {
    SortedMap<String, List<Long>> cleaners = log.cleanersByRowVersion();
    if (cleaners.isEmpty() && log.events(WorkerEvent.Kind.CLAIM_WON).isEmpty()) {
      return VERDICTS.notExercised("no cleanup claimed a row");
    }
    List<String> witness = new ArrayList<>();
    cleaners.forEach((version, services) -> {
      if (services.size() > 1) {
        witness.add("row version " + version + " cleaned by services " + services);
      }
    });
    if (!witness.isEmpty()) {
      return VERDICTS.violated(witness.size() + " row versions cleaned more than once", witness);
    }
    return VERDICTS.holds(cleaners.size() + " row versions cleaned, each once");
  }
}

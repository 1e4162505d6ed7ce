package io.cvolsim.scenarios.properties;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.model.service.ServiceLog;
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
 * cleaners; and two cleanups of one row never run at once, whichever versions they claimed. Not
 * judged here: "never while the owner still runs on a live node", which needs the
 * owner's liveness (S1 and fencing see its storage side). Exercised when a cleaner won a claim.
 */
public final class CleanupOnceProperty {
  public static final String NAME = "S8 cleanup at most once per row version";
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.ALWAYS);

  private static final List<WorkerEvent.Kind> ENDS_AN_ACTION = List.of(WorkerEvent.Kind.DELETED,
      WorkerEvent.Kind.KEPT, WorkerEvent.Kind.ACTION_FAILED, WorkerEvent.Kind.GIVEN_BACK);

  private CleanupOnceProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    return check(artifacts.workers(), artifacts.services().events());
  }

  static PropertyResult check(WorkerLog log) {
    return check(log, List.of());
  }

  static PropertyResult check(WorkerLog log, List<ServiceLog.Event> services) {
    SortedMap<String, List<Long>> cleaners = log.cleanersByRowVersion();
    if (cleaners.isEmpty() && log.events(WorkerEvent.Kind.CLAIM_WON).isEmpty()) {
      return VERDICTS.notExercised("no cleanup claimed a row");
    }
    List<String> witness = new ArrayList<>();
    cleaners.forEach((version, cleanerIds) -> {
      if (cleanerIds.size() > 1) {
        witness.add("row version " + version + " cleaned by services " + cleanerIds);
      }
    });
    int twice = witness.size();
    witness.addAll(overlappingActions(log.events(), services));
    if (!witness.isEmpty()) {
      return VERDICTS.violated(twice + " row versions cleaned more than once, " + (witness.size() - twice)
          + " cleanups of one row running at once", witness);
    }
    return VERDICTS.holds(cleaners.size() + " row versions cleaned, each once, none beside another");
  }

  /** One cleanup action on a row: from ACTION_RUN until its cleaner deleted, kept or gave back the row. */
  private record Action(long rowId, String node, long startNanos, long endNanos) {}

  /**
   * Two cleanup actions of one node on one row that run at the same time (two greenthreads),
   * whichever versions they claimed: a race_preventer counts versions only if every claim moves
   * it, and under V8 (claims by updated_at in whole seconds) a service's claim of a row it already
   * holds leaves it as it was, so a second cleanup of that service claims the row the first is
   * still cleaning. Across nodes a claim always changes the owner, which the version check sees.
   */
  static List<String> overlappingActions(List<WorkerEvent> events, List<ServiceLog.Event> services) {
    List<Action> actions = new ArrayList<>();
    for (int index = 0; index < events.size(); index++) {
      WorkerEvent start = events.get(index);
      if (start.kind() != WorkerEvent.Kind.ACTION_RUN) {
        continue;
      }
      long end = diedAfter(start.node(), start.trueTimeNanos(), services);
      for (WorkerEvent later : events.subList(index + 1, events.size())) {
        if (later.row().id() == start.row().id() && later.node().equals(start.node())
            && ENDS_AN_ACTION.contains(later.kind())) {
          end = Math.min(end, later.trueTimeNanos());
          break;
        }
      }
      actions.add(new Action(start.row().id(), start.node(), start.trueTimeNanos(), end));
    }
    List<String> found = new ArrayList<>();
    for (int first = 0; first < actions.size(); first++) {
      for (int second = first + 1; second < actions.size(); second++) {
        Action a = actions.get(first);
        Action b = actions.get(second);
        if (a.rowId() == b.rowId() && a.node().equals(b.node()) && a.startNanos() < b.endNanos()
            && b.startNanos() < a.endNanos()) {
          found.add("row " + a.rowId() + " cleaned by " + a.node() + " from " + Durations.formatTimestamp(a.startNanos())
              + " and by " + b.node() + " from " + Durations.formatTimestamp(b.startNanos()) + ", at once");
        }
      }
    }
    return found;
  }

  /** When the node's process next died after {@code fromNanos}; the end of time if it did not. */
  private static long diedAfter(String node, long fromNanos, List<ServiceLog.Event> services) {
    return services.stream().filter(event -> event.kind() == ServiceLog.Kind.PROCESS_DIED
            && event.actor().equals(node) && event.trueTimeNanos() >= fromNanos)
        .mapToLong(ServiceLog.Event::trueTimeNanos).findFirst().orElse(Long.MAX_VALUE);
  }
}

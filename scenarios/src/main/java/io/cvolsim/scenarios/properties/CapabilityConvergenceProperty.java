package io.cvolsim.scenarios.properties;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.model.service.ServiceLog.CapabilityEvent;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * L6 capability convergence (reference §8, §4.3), in two parts. A scheduler's view of a backend
 * never goes back: it never takes in a report sent (in true time) before the one it holds, as
 * reports applied out of order do when the scheduler stamps them (V21). And at the end every
 * scheduler holds, for each backend, a report at least as new as the newest report any
 * scheduler applied that was sent {@link #SETTLE_NANOS} or more before the end; a scheduler
 * that never got it, or holds on to a report a skewed clock stamped in the future, fails this.
 * A scheduler keeps reports in memory only (reference §4.3): one that died holds nothing, so the
 * first report its next process takes in replaces nothing and is no step back. Exercised when
 * some scheduler applied a report.
 */
public final class CapabilityConvergenceProperty {
  public static final String NAME = "L6 capability convergence";
  /** Reports younger than this at the end may still be on their way; they are not required. */
  static final long SETTLE_NANOS = Durations.seconds(30);
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.EVENTUALLY);

  private CapabilityConvergenceProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    return check(artifacts.services().capabilityEvents(), artifacts.services().events().stream()
        .filter(event -> event.kind() == ServiceLog.Kind.PROCESS_DIED).toList(), artifacts.endNanos());
  }

  static PropertyResult check(List<CapabilityEvent> events, long endNanos) {
    return check(events, List.of(), endNanos);
  }

  /** {@code deaths}: the processes that died, in time order. */
  static PropertyResult check(List<CapabilityEvent> events, List<ServiceLog.Event> deaths, long endNanos) {
    Map<String, Long> sentAt = new TreeMap<>();
    Map<String, TreeMap<String, CapabilityEvent>> heldBySchedulerAndBackend = new TreeMap<>();
    Map<String, CapabilityEvent> newestSettledByBackend = new TreeMap<>();
    List<String> regressions = new ArrayList<>();
    int deathsSeen = 0;
    for (CapabilityEvent event : events) {
      deathsSeen = forgetOnDeath(deaths, deathsSeen, event.trueTimeNanos(), heldBySchedulerAndBackend);
      if (event.isSent()) {
        sentAt.put(event.reportName(), event.trueTimeNanos());
        continue;
      }
      long sent = sentAt.getOrDefault(event.reportName(), Long.MIN_VALUE);
      CapabilityEvent newest = newestSettledByBackend.get(event.backend());
      if (sent <= endNanos - SETTLE_NANOS && (newest == null || sent > sentAt.get(newest.reportName()))) {
        newestSettledByBackend.put(event.backend(), event);
      }
      if (event.accepted()) {
        CapabilityEvent replaced = heldBySchedulerAndBackend.computeIfAbsent(event.scheduler(), name -> new TreeMap<>())
            .put(event.backend(), event);
        if (replaced != null && sent < sentAt.getOrDefault(replaced.reportName(), Long.MIN_VALUE)) {
          regressions.add(event.scheduler() + " went back on " + event.backend() + " at "
              + Durations.formatTimestamp(event.trueTimeNanos()) + ": took " + event.reportName() + " sent at "
              + Durations.formatTimestamp(sent) + " over " + replaced.reportName() + " sent at "
              + Durations.formatTimestamp(sentAt.get(replaced.reportName())));
        }
      }
    }
    forgetOnDeath(deaths, deathsSeen, Long.MAX_VALUE, heldBySchedulerAndBackend);
    if (heldBySchedulerAndBackend.isEmpty()) {
      return VERDICTS.notExercised("no scheduler applied a capability report");
    }
    List<String> witness = new ArrayList<>(regressions);
    newestSettledByBackend.forEach((backend, newest) -> heldBySchedulerAndBackend.forEach((scheduler, held) -> {
      CapabilityEvent holding = held.get(backend);
      long newestSent = sentAt.get(newest.reportName());
      if (holding == null || sentAt.getOrDefault(holding.reportName(), Long.MIN_VALUE) < newestSent) {
        witness.add(scheduler + " ends holding " + (holding == null ? "no report" : holding.reportName()
            + " sent at " + Durations.formatTimestamp(sentAt.getOrDefault(holding.reportName(), 0L)))
            + " for " + backend + ", but " + newest.reportName() + " sent at "
            + Durations.formatTimestamp(newestSent) + " was applied by " + newest.scheduler());
      }
    }));
    if (!witness.isEmpty()) {
      return VERDICTS.violated(regressions.size() + " times a scheduler went back to an older report, "
          + (witness.size() - regressions.size()) + " scheduler views not on the newest at the end", witness);
    }
    return VERDICTS.holds(heldBySchedulerAndBackend.size() + " schedulers end on the newest report of each of "
        + newestSettledByBackend.size() + " backends");
  }

  /** Empties the view of each scheduler that died up to {@code untilNanos}; returns the deaths seen. */
  private static int forgetOnDeath(List<ServiceLog.Event> deaths, int seen, long untilNanos,
      Map<String, TreeMap<String, CapabilityEvent>> heldBySchedulerAndBackend) {
    int next = seen;
    for (; next < deaths.size() && deaths.get(next).trueTimeNanos() <= untilNanos; next++) {
      TreeMap<String, CapabilityEvent> held = heldBySchedulerAndBackend.get(deaths.get(next).actor());
      if (held != null) {
        held.clear();
      }
    }
    return next;
  }
}

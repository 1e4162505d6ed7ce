package io.cvolsim.scenarios.properties;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.model.service.ServiceLog.Event;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * L5 heartbeat recovery (reference §8, §4.4): once the heal phase gives a running service its
 * database back, the database acknowledges one of its heartbeats within the recovery bound
 * (report_interval plus ε; see {@link RunArtifacts#heartbeatRecoveryBoundNanos()}). Judged for
 * each service node that was running a heartbeat loop at the heal. A node that skipped a beat
 * because its driver was not working, or died, before recovering is not "healthy" and is
 * excused; one whose clock the harness ran slow is late as a caveat (its timer, set before the
 * heal, counts slow seconds). Violated by heartbeats retried with back-off (V15) and, for good, by a heartbeat
 * thread that died on a database error (V16). Reconnections inside the fault window are not
 * judged: other faults may still hold the node there.
 */
public final class HeartbeatRecoveryProperty {
  public static final String NAME = "L5 heartbeat recovery";
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.EVENTUALLY);

  private HeartbeatRecoveryProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    return check(artifacts.services().events(), artifacts.heartbeatRecoveryBoundNanos(), artifacts.endNanos());
  }

  static PropertyResult check(List<Event> events, long boundNanos, long endNanos) {
    Map<String, Boolean> loopRunning = new TreeMap<>();
    Map<String, Long> awaiting = new TreeMap<>();
    List<String> slowClocks = new ArrayList<>();
    List<String> witness = new ArrayList<>();
    List<String> caveats = new ArrayList<>();
    int recovered = 0;
    long slowestNanos = 0;
    for (Event event : events) {
      String node = event.actor();
      switch (event.kind()) {
        case HEARTBEAT_STARTED -> loopRunning.put(node, true);
        case PROCESS_DIED -> {
          loopRunning.put(node, false);
          awaiting.remove(node);
        }
        case HEARTBEAT_SKIPPED -> awaiting.remove(node);
        case CLOCK_SLOWED -> slowClocks.add(node);
        case RECONNECTED -> {
          if (loopRunning.getOrDefault(node, false)) {
            awaiting.put(node, event.trueTimeNanos());
          }
        }
        case HEARTBEAT -> {
          Long since = awaiting.remove(node);
          if (since != null) {
            long delayNanos = event.trueTimeNanos() - since;
            slowestNanos = Math.max(slowestNanos, delayNanos);
            recovered++;
            if (delayNanos > boundNanos) {
              String late = node + " was reported up " + wholeMillis(delayNanos) + " after its links came back at "
                  + Durations.formatTimestamp(since) + " (bound " + Durations.format(boundNanos) + ")";
              if (slowClocks.contains(node)) {
                caveats.add("caveat: " + late + "; its clock ran slow until the heal, so its timer was late");
              } else {
                witness.add(late);
              }
            }
          }
        }
        default -> { }
      }
    }
    awaiting.forEach((node, since) -> {
      if (endNanos - since > boundNanos) {
        witness.add(node + " never had a heartbeat acknowledged after its links came back at "
            + Durations.formatTimestamp(since) + " (run ended " + Durations.format(endNanos - since) + " later)");
      }
    });
    if (recovered == 0 && witness.isEmpty()) {
      return VERDICTS.notExercised("no running, healthy service had its links restored by the heal phase");
    }
    if (!witness.isEmpty()) {
      int late = witness.size();
      witness.addAll(caveats);
      return VERDICTS.violated(late + " services were not reported up within "
          + Durations.format(boundNanos) + " of the heal", witness);
    }
    return VERDICTS.holds(recovered + " services reported up again after the heal, the slowest after "
        + wholeMillis(slowestNanos) + " (bound "
        + Durations.format(boundNanos) + ")", caveats);
  }

  private static String wholeMillis(long nanos) {
    return Durations.format(nanos - nanos % Durations.millis(1));
  }
}

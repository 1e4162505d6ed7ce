package io.cvolsim.scenarios.properties;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * S11 up/down consistency (reference §8, §4.4): a service is acted on as down only when it has
 * not written a heartbeat for service_down_time of TRUE time. Judged at each cleanup a scheduler
 * sent for a service it found down (an admin's is_up=true cleanup declares nothing), against the
 * heartbeats acknowledged up to a second before it (when the scheduler read them). A beat was
 * written between its sending and its acknowledgement, and a node stalled in between learns of
 * it late, so each is measured from its sending: only a surely early decision is a witness.
 * Violated by clock skew under the reader-clock rule (V17) and by heartbeats on the wrong row.
 */
public final class UpDownConsistencyProperty {
  public static final String NAME = "S11 up/down consistency";
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.ALWAYS);
  /** How long before acting a scheduler may have read the services table (one statement timeout). */
  static final long READ_SLACK_NANOS = Durations.seconds(1);

  private UpDownConsistencyProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    return check(artifacts.services().events(), artifacts.serviceDownTimeNanos());
  }

  static PropertyResult check(List<ServiceLog.Event> events, long serviceDownTimeNanos) {
    // Per service host: each acknowledged beat's acknowledgement, mapped to when it was sent.
    TreeMap<String, TreeMap<Long, Long>> heartbeats = new TreeMap<>();
    Map<String, Long> sendingByProcess = new TreeMap<>();
    List<String> witness = new ArrayList<>();
    int declarations = 0;
    for (ServiceLog.Event event : events) {
      String process = event.serviceHost() + "\u0000" + event.actor();
      if (event.kind() == ServiceLog.Kind.HEARTBEAT_SENT) {
        sendingByProcess.put(process, event.trueTimeNanos());
        continue;
      }
      if (event.kind() == ServiceLog.Kind.HEARTBEAT) {
        long sentNanos = Math.min(event.trueTimeNanos(),
            sendingByProcess.getOrDefault(process, event.trueTimeNanos()));
        heartbeats.computeIfAbsent(event.serviceHost(), host -> new TreeMap<>())
            .merge(event.trueTimeNanos(), sentNanos, Math::max);
        continue;
      }
      if (event.kind() != ServiceLog.Kind.DECLARED_DOWN) {
        continue;
      }
      declarations++;
      // The decision rests on a read up to a second earlier: a beat that may have landed after that
      // read is not held against it, and one that surely preceded it is measured to the decision
      // (the latest the read can have been), so only a surely early decision is a witness.
      long earliestReadNanos = event.trueTimeNanos() - READ_SLACK_NANOS;
      Long last = heartbeats.getOrDefault(event.serviceHost(), new TreeMap<>()).headMap(earliestReadNanos, true)
          .values().stream().max(Long::compare).orElse(null);
      if (last != null && event.trueTimeNanos() - last < serviceDownTimeNanos) {
        witness.add(event.actor() + " acted on " + event.serviceHost() + " as down at "
            + Durations.formatTimestamp(event.trueTimeNanos()) + ", " + Durations.format(event.trueTimeNanos() - last)
            + " after it sent its last acknowledged heartbeat (service_down_time "
            + Durations.format(serviceDownTimeNanos) + ")");
      }
    }
    if (declarations == 0) {
      return VERDICTS.notExercised("no service was acted on as down");
    }
    if (!witness.isEmpty()) {
      return VERDICTS.violated(witness.size() + " of " + declarations + " down decisions came too early", witness);
    }
    return VERDICTS.holds(declarations + " down decisions, each after service_down_time of silence");
  }
}

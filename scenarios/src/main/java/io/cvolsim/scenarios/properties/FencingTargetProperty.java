package io.cvolsim.scenarios.properties;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.model.broker.HostLevel;
import io.cvolsim.model.broker.QueueNames;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.model.storage.IoLogEntry;
import io.cvolsim.model.storage.IoOutcome;
import io.cvolsim.model.storage.StorageOperation;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Fencing hits only the process judged down (found by this harness; not one of the reference's
 * numbered properties). A revocation that completes after a node re-admitted itself must rest on a
 * judgement about that incarnation: a down decision at least service_down_time after it started
 * (no earlier can it have been silent that long), or an admin's cleanup order naming its service
 * (answered, or sent on by a scheduler as an is_up=true order).
 * Otherwise a decision about the previous process, read before the restart, shuts out a live one:
 * the array refuses its calls while it heartbeats. A process that died before the revocation is
 * not shut out (it re-admits itself when it starts). Exercised when a revocation completed.
 */
public final class FencingTargetProperty {
  public static final String NAME = "fencing targets the process judged down";
  /** The down decision is logged when its cleanup is sent, just after the services read it rests on. */
  private static final long DECISION_SLACK_NANOS = Durations.seconds(1);
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.ALWAYS);

  private FencingTargetProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    return check(artifacts.storage().entries(), artifacts.services().events(), artifacts.serviceDownTimeNanos());
  }

  static PropertyResult check(List<IoLogEntry> entries, List<ServiceLog.Event> events, long serviceDownTimeNanos) {
    List<IoLogEntry> revocations = entries.stream().filter(entry -> completed(entry, StorageOperation.REVOKE_ACCESS))
        .toList();
    if (revocations.isEmpty()) {
      return VERDICTS.notExercised("no revocation completed");
    }
    List<String> witness = new ArrayList<>();
    for (IoLogEntry revocation : revocations) {
      String node = revocation.call().target();
      long readmittedAt = lastReadmission(entries, node, revocation.startNanos());
      if (readmittedAt == Long.MIN_VALUE) {
        continue;
      }
      long startedAt = processStart(events, node, readmittedAt);
      if (!diedSince(events, node, startedAt, revocation.startNanos())
          && !judged(events, node, startedAt, revocation.startNanos(), serviceDownTimeNanos)) {
        witness.add(node + " re-admitted itself at " + Durations.formatTimestamp(readmittedAt) + " and was revoked at "
            + Durations.formatTimestamp(revocation.startNanos()) + " on no decision about that process");
      }
    }
    if (!witness.isEmpty()) {
      return VERDICTS.violated(witness.size() + " revocations shut out a process that restarted after the decision",
          witness);
    }
    return VERDICTS.holds(revocations.size() + " revocations, each of the process judged down");
  }

  private static boolean completed(IoLogEntry entry, StorageOperation operation) {
    return entry.call().operation() == operation && entry.outcome() == IoOutcome.COMPLETED;
  }

  /** When the node last let itself back in before {@code beforeNanos}; MIN_VALUE if never. */
  private static long lastReadmission(List<IoLogEntry> entries, String node, long beforeNanos) {
    long at = Long.MIN_VALUE;
    for (IoLogEntry entry : entries) {
      if (completed(entry, StorageOperation.RESTORE_ACCESS) && entry.call().target().equals(node)
          && entry.call().caller().name().equals(node) && entry.startNanos() <= beforeNanos) {
        at = Math.max(at, entry.startNanos());
      }
    }
    return at;
  }

  /**
   * When the process that re-admitted itself started: its re-admission can reach the array long
   * after (a cut link holds it, or the process is paused first), and it is silent from its start.
   * Logs that record no start (a first boot, hand-written logs) date it by the re-admission.
   */
  private static long processStart(List<ServiceLog.Event> events, String node, long readmittedAt) {
    return events.stream().filter(event -> event.kind() == ServiceLog.Kind.PROCESS_STARTED
            && event.actor().equals(node) && event.trueTimeNanos() <= readmittedAt)
        .mapToLong(ServiceLog.Event::trueTimeNanos).max().orElse(readmittedAt);
  }

  /** A process that died before the revocation has nothing left to shut out. */
  private static boolean diedSince(List<ServiceLog.Event> events, String node, long startedAt, long revokedAt) {
    return events.stream().anyMatch(event -> event.kind() == ServiceLog.Kind.PROCESS_DIED
        && event.actor().equals(node) && event.trueTimeNanos() >= startedAt && event.trueTimeNanos() <= revokedAt);
  }

  private static boolean judged(List<ServiceLog.Event> events, String node, long startedAt, long revokedAt,
      long serviceDownTimeNanos) {
    return events.stream().anyMatch(event -> node.equals(QueueNames.extractHost(event.serviceHost(), HostLevel.HOST))
        && ((event.kind() == ServiceLog.Kind.CLEANUP_ORDERED || event.kind() == ServiceLog.Kind.ORDERED_CLEANED_WHILE_UP)
                && event.trueTimeNanos() >= startedAt
            || event.kind() == ServiceLog.Kind.DECLARED_DOWN && event.trueTimeNanos() <= revokedAt
                && event.trueTimeNanos() >= startedAt + serviceDownTimeNanos - DECISION_SLACK_NANOS));
  }

}

package io.cvolsim.scenarios.properties;

import io.cvolsim.model.broker.BrokerEvent;
import io.cvolsim.model.broker.BrokerLogEntry;
import io.cvolsim.model.workers.WorkerEvent;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The "sometimes" goals (STYLE rule 14, anti-pattern 8): interesting states a run should reach
 * so that its passes mean something. Each is HOLDS when reached (with up to five examples) and
 * NOT_EXERCISED when not; none is ever a failure.
 */
public final class ReachabilityGoals {
  public static final String CLEANUP_RAN = "sometimes: a cleanup ran";
  public static final String ZOMBIE = "sometimes: a zombie existed";
  public static final String LEASE_EXPIRED = "sometimes: a lease expired under its holder";
  public static final String REDELIVERED = "sometimes: a job was redelivered";
  public static final String SOURCE_LOCK_WAITED = "sometimes: a source lock was waited for";

  private ReachabilityGoals() {}

  public static List<PropertyResult> check(RunArtifacts artifacts) {
    List<LockGrant> grants = LockGrants.of(artifacts.locks().events(), artifacts.fencedNodes());
    List<String> leaseExpiries = grants.stream().filter(LockGrant::expiredUnderLiveHolder)
        .map(grant -> "lease expired under its holder: " + grant).toList();
    List<String> zombies = new ArrayList<>(FencedWritesProperty.storageZombies(artifacts.storage().entries(), artifacts.fencedNodes()));
    zombies.addAll(leaseExpiries);
    return List.of(
        goal(CLEANUP_RAN, cleanups(artifacts.workers().events()), "no cleanup action ran"),
        goal(ZOMBIE, zombies, "no node worked on across its fence or its expired lease"),
        goal(LEASE_EXPIRED, leaseExpiries, "no lease expired while its holder still believed"),
        goal(REDELIVERED, redeliveries(artifacts.broker().entries()), "no message was delivered twice"),
        goal(SOURCE_LOCK_WAITED, sourceLockWaits(grants), "no source lock was contended"));
  }

  private static PropertyResult goal(String name, List<String> examples, String notReached) {
    return new Verdicts(name, Verdicts.SOMETIMES).reached(examples, notReached);
  }

  private static List<String> cleanups(List<WorkerEvent> events) {
    return events.stream().filter(event -> event.kind() == WorkerEvent.Kind.ACTION_RUN)
        .map(event -> event.node() + " cleaned row " + event.row()).toList();
  }

  private static List<String> redeliveries(List<BrokerLogEntry> entries) {
    SortedMap<Long, Integer> deliveries = new TreeMap<>();
    entries.stream().filter(entry -> entry.event() == BrokerEvent.DELIVERED)
        .forEach(entry -> deliveries.merge(entry.messageId(), 1, Integer::sum));
    List<String> found = new ArrayList<>();
    deliveries.forEach((id, count) -> {
      if (count > 1) {
        found.add("message #" + id + " delivered " + count + " times");
      }
    });
    return found;
  }

  /**
   * Acquisitions of a source-protection lock (reference §7.2) requested while another grant held
   * it and granted later: the queuing of §7.6. The log does not say whether the clone or the
   * delete was the one waiting.
   */
  private static List<String> sourceLockWaits(List<LockGrant> grants) {
    List<String> found = new ArrayList<>();
    for (LockGrant waiter : grants) {
      if (!waiter.name().endsWith("-delete_volume") && !waiter.name().endsWith("-delete_snapshot")) {
        continue;
      }
      for (LockGrant holder : grants) {
        if (holder != waiter && holder.name().equals(waiter.name()) && holder.grantedNanos() <= waiter.requestedNanos()
            && waiter.requestedNanos() < holder.heldUntilNanos() && waiter.grantedNanos() > waiter.requestedNanos()) {
          found.add("waited: " + waiter + " behind " + holder);
          break;
        }
      }
    }
    return found;
  }
}

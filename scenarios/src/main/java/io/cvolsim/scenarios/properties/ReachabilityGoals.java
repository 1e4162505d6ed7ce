package io.cvolsim.scenarios.properties;

import io.cvolsim.model.broker.BrokerEvent;
import io.cvolsim.model.broker.BrokerLogEntry;
import io.cvolsim.kernel.api.Durations;
import io.cvolsim.model.broker.HostLevel;
import io.cvolsim.model.broker.QueueNames;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.model.storage.IoLogEntry;
import io.cvolsim.model.storage.IoOutcome;
import io.cvolsim.model.workers.WorkerEvent;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.SortedSet;

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
    List<LockGrant> grants = LockGrants.of(artifacts.locks().events(), artifacts.fencedNodes(),
        LockSafetyProperty.deathsOf(artifacts));
    List<LockGrant> expiredUnderLiveHolders = grants.stream().filter(LockGrant::expiredUnderLiveHolder).toList();
    List<String> leaseExpiries = expiredUnderLiveHolders.stream()
        .map(grant -> "lease expired under its holder: " + grant).toList();
    List<IoLogEntry> calls = artifacts.storage().entries();
    List<String> zombies = new ArrayList<>(FencedWritesProperty.storageZombies(calls, artifacts.fencedNodes()));
    zombies.addAll(fencedOut(calls));
    zombies.addAll(workedAfterItsCleanup(artifacts.services().events(), calls));
    // A lease-aware holder that gave the lock up before the expiry went on without it: no zombie.
    expiredUnderLiveHolders.stream().filter(grant -> grant.beliefEnd() == LockGrant.BeliefEnd.RELEASE)
        .map(grant -> "lease expired under its holder: " + grant).forEach(zombies::add);
    return List.of(
        goal(CLEANUP_RAN, cleanups(artifacts.workers().events()), "no cleanup action ran"),
        goal(ZOMBIE, zombies, "no node worked on after it was given up, fenced or its lease expired"),
        goal(LEASE_EXPIRED, leaseExpiries, "no lease expired while its holder lived on without releasing it"),
        goal(REDELIVERED, redeliveries(artifacts.broker().entries()), "no message was delivered twice"),
        goal(SOURCE_LOCK_WAITED, sourceLockWaits(grants), "no source lock was contended"));
  }

  private static PropertyResult goal(String name, List<String> examples, String notReached) {
    return new Verdicts(name, Verdicts.SOMETIMES).reached(examples, notReached);
  }

  /**
   * Calls the array turned away because their caller had been fenced: the caller was still
   * working after the deployment had given up on it, which is what a zombie is (reference §6);
   * fencing made it harmless, and that is the case worth having reached. Calls it stopped
   * (ABORTED) ran across the revocation, so the storage zombies already name them.
   */
  private static List<String> fencedOut(List<IoLogEntry> entries) {
    return entries.stream().filter(entry -> entry.outcome().isRefused()).map(entry -> "fenced out: " + entry).toList();
  }

  /** A node's time after its service was declared down or ordered cleaned, until it beat, died or restarted. */
  private record CleanedLife(String node, long fromNanos, long untilNanos) {}

  /**
   * Array calls a node made after the deployment gave up on its service (a scheduler declared it
   * down, or an admin's cleanup of it was answered) and before its next heartbeat, death or
   * restart: the reference's zombie (§6) at work, with or without fencing to stop it.
   */
  private static List<String> workedAfterItsCleanup(List<ServiceLog.Event> services, List<IoLogEntry> entries) {
    List<CleanedLife> lives = new ArrayList<>();
    SortedMap<String, Long> givenUpAt = new TreeMap<>();
    SortedSet<String> dead = new TreeSet<>();
    for (ServiceLog.Event event : services) {
      if (event.kind() == ServiceLog.Kind.PROCESS_DIED) {
        dead.add(event.actor());
      } else if (event.kind() == ServiceLog.Kind.HEARTBEAT_STARTED) {
        dead.remove(event.actor());
      }
      switch (event.kind()) {
        case DECLARED_DOWN, CLEANUP_ORDERED -> {
          String node = QueueNames.extractHost(event.serviceHost(), HostLevel.HOST);
          if (!dead.contains(node)) {
            givenUpAt.putIfAbsent(node, event.trueTimeNanos());
          }
        }
        case PROCESS_DIED, HEARTBEAT_STARTED, HEARTBEAT -> {
          Long from = givenUpAt.remove(event.actor());
          if (from != null) {
            lives.add(new CleanedLife(event.actor(), from, event.trueTimeNanos()));
          }
        }
        default -> { }
      }
    }
    givenUpAt.forEach((node, from) -> lives.add(new CleanedLife(node, from, Long.MAX_VALUE)));
    List<String> found = new ArrayList<>();
    for (IoLogEntry entry : entries) {
      if (entry.outcome().isRefused() || entry.outcome() == IoOutcome.ABORTED) {
        continue; // already counted: fenced out, or run across its revocation
      }
      String caller = entry.call().caller().name();
      lives.stream().filter(life -> life.node().equals(caller) && entry.startNanos() > life.fromNanos()
              && entry.startNanos() < life.untilNanos()).findFirst()
          .ifPresent(life -> found.add("worked after its service was given up at "
              + Durations.formatTimestamp(life.fromNanos()) + ": " + entry));
    }
    return found;
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

package io.cvolsim.scenarios.properties;

import io.cvolsim.model.dlm.LockEvent;
import io.cvolsim.model.dlm.LockEvent.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a lock log into {@link LockGrant}s. Entries after a grant are matched to it by (lock
 * name, holder, token), since a server's expiry knows no operation id. A release takes effect at
 * the server somewhere between its request and its answer, so a successful release ends the
 * server's view at the request (the earliest the next holder could get in). A failed release
 * ends only the belief: the server may still hold the key (etcd's heartbeat keeps it alive).
 */
final class LockGrants {
  /** A grant being read. */
  private static final class Open {
    final LockEvent granted;
    final long requestedNanos;
    long releaseRequestedNanos = LockGrant.OPEN;
    long releaseDoneNanos = LockGrant.OPEN;
    long serverEndNanos = LockGrant.OPEN;
    long gaveUpNanos = LockGrant.OPEN;
    boolean expiredAtServer;
    boolean diedWithProcess;

    Open(LockEvent granted, long requestedNanos) {
      this.granted = granted;
      this.requestedNanos = requestedNanos;
    }
  }

  private LockGrants() {}

  /** Every grant in the log, in grant order; {@code fencedNodes} ends beliefs at power-off. */
  static List<LockGrant> of(List<LockEvent> events, Map<String, Long> fencedNodes) {
    return of(events, fencedNodes, Collections.emptySortedMap());
  }

  /**
   * As above; {@code deaths} (each node's process deaths, true times) also ends a belief at the
   * holder's first death after its grant, when that came before any power-off.
   */
  static List<LockGrant> of(List<LockEvent> events, Map<String, Long> fencedNodes, Map<String, List<Long>> deaths) {
    Map<Long, Long> requestedByOperation = new TreeMap<>();
    Map<String, Open> openByKey = new TreeMap<>();
    List<Open> grants = new ArrayList<>();
    for (LockEvent event : events) {
      if (event.kind() == Kind.ACQUIRE_REQUESTED) {
        requestedByOperation.put(event.operationId(), event.trueTimeNanos());
      } else if (event.kind() == Kind.GRANTED) {
        // A request logged after its grant would be another acquisition's: clamp to the grant.
        long requested = Math.min(event.trueTimeNanos(),
            requestedByOperation.getOrDefault(event.operationId(), event.trueTimeNanos()));
        Open grant = new Open(event, requested);
        settleUnansweredReleases(grants, event);
        openByKey.put(key(event), grant);
        grants.add(grant);
      } else {
        Open grant = openByKey.get(key(event));
        if (grant != null) {
          apply(grant, event);
        }
      }
    }
    return grants.stream().map(grant -> finish(grant, fencedNodes, deaths)).toList();
  }

  /**
   * A release whose answer never came (lost, or its holder died or froze waiting) may still have
   * taken effect. When the server grants the same lock to someone else after that release was
   * requested, it evidently had: the earlier grant ended at its release request, not at the end
   * of the run. A holder that never asked to release (a lease expiring under it) is not excused.
   */
  private static void settleUnansweredReleases(List<Open> grants, LockEvent newGrant) {
    for (Open earlier : grants) {
      if (earlier.granted.lockName().equals(newGrant.lockName()) && earlier.serverEndNanos == LockGrant.OPEN
          && earlier.releaseRequestedNanos <= newGrant.trueTimeNanos()) {
        earlier.serverEndNanos = earlier.releaseRequestedNanos;
      }
    }
  }

  private static String key(LockEvent event) {
    return event.lockName() + "\u0000" + event.holder().name() + "\u0000" + event.token();
  }

  private static void apply(Open grant, LockEvent event) {
    long at = event.trueTimeNanos();
    switch (event.kind()) {
      case RELEASE_REQUESTED -> grant.releaseRequestedNanos = Math.min(grant.releaseRequestedNanos, at);
      case RELEASED -> {
        grant.releaseDoneNanos = Math.min(grant.releaseDoneNanos, at);
        grant.serverEndNanos = Math.min(grant.serverEndNanos, Math.min(grant.releaseRequestedNanos, at));
      }
      case RELEASE_FAILED -> grant.releaseDoneNanos = Math.min(grant.releaseDoneNanos, at);
      case EXPIRED -> {
        grant.expiredAtServer |= at < grant.serverEndNanos;
        grant.serverEndNanos = Math.min(grant.serverEndNanos, at);
      }
      case CLEANED -> grant.serverEndNanos = Math.min(grant.serverEndNanos, at);
      // Dated at the lease's end on the holder's clock, which may come before the grant's answer.
      case GAVE_UP -> grant.gaveUpNanos = Math.min(grant.gaveUpNanos, Math.max(at, grant.granted.trueTimeNanos()));
      case FREED_AT_PROCESS_DEATH -> {
        grant.serverEndNanos = Math.min(grant.serverEndNanos, at);
        grant.diedWithProcess = true;
      }
      default -> {
        // ACQUIRE_* entries belong to other acquisitions.
      }
    }
  }

  private static LockGrant finish(Open grant, Map<String, Long> fencedNodes, Map<String, List<Long>> deaths) {
    LockEvent granted = grant.granted;
    long releaseStart = Math.min(grant.releaseRequestedNanos, grant.releaseDoneNanos);
    Long fencedAt = fencedNodes.get(granted.holder().name());
    // A power-off of a node that had already died kills no believer: the belief ended at the death.
    long diedAt = deaths.getOrDefault(granted.holder().name(), List.of()).stream()
        .filter(at -> at >= granted.trueTimeNanos()).min(Long::compare).orElse(LockGrant.OPEN);
    long beliefEnd;
    LockGrant.BeliefEnd why;
    boolean fencedFirst = fencedAt != null && fencedAt >= granted.trueTimeNanos() && fencedAt < grant.gaveUpNanos;
    if (grant.gaveUpNanos < releaseStart && grant.gaveUpNanos <= diedAt && !fencedFirst) {
      beliefEnd = grant.gaveUpNanos;
      why = LockGrant.BeliefEnd.GAVE_UP;
    } else if (releaseStart != LockGrant.OPEN) {
      beliefEnd = releaseStart;
      why = LockGrant.BeliefEnd.RELEASE;
    } else if (grant.diedWithProcess) {
      beliefEnd = grant.serverEndNanos;
      why = LockGrant.BeliefEnd.PROCESS_DEATH;
    } else if (fencedAt != null && fencedAt >= granted.trueTimeNanos() && fencedAt <= diedAt) {
      beliefEnd = fencedAt;
      why = LockGrant.BeliefEnd.FENCE;
    } else if (diedAt != LockGrant.OPEN) {
      beliefEnd = diedAt;
      why = LockGrant.BeliefEnd.CRASH;
    } else if (grant.serverEndNanos != LockGrant.OPEN) {
      beliefEnd = grant.serverEndNanos;
      why = LockGrant.BeliefEnd.PRESUMED_DEAD_AT_SERVER_END;
    } else {
      beliefEnd = LockGrant.OPEN;
      why = LockGrant.BeliefEnd.OPEN;
    }
    long releaseDone = grant.releaseDoneNanos == LockGrant.OPEN ? beliefEnd : grant.releaseDoneNanos;
    // The goal "a lease expired under its holder": the holder lived on, not yet releasing, past the
    // server's expiry; whether it still believed (Tooz) or had given the lock up (lease-aware).
    boolean expiredUnderLiveHolder = why == LockGrant.BeliefEnd.RELEASE ? grant.serverEndNanos < beliefEnd
        : why == LockGrant.BeliefEnd.GAVE_UP && grant.expiredAtServer
            && grant.serverEndNanos < Math.min(releaseStart, diedAt);
    return new LockGrant(granted.lockName(), granted.holder(), granted.token(), granted.operationId(),
        grant.requestedNanos, granted.trueTimeNanos(), beliefEnd, why, grant.serverEndNanos, releaseDone,
        expiredUnderLiveHolder, releaseStart != LockGrant.OPEN);
  }
}

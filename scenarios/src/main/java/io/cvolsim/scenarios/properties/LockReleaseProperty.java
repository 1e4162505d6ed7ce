package io.cvolsim.scenarios.properties;

import io.cvolsim.model.dlm.LockEvent;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * L3 lock release (reference §8, §7.4): a lock whose holder never released it (its process died,
 * it was powered off, or it simply never let go) became available again: the server expired or
 * cleaned it, the operating system freed it, or another acquisition got it later. One still held
 * at the end is a violation only if someone asked for it after the grant and never got it;
 * otherwise it is a caveat (nobody asked). The TTL bound and fairness (§8 L3's warning) are not
 * judged: the artifacts carry no lease length. Exercised when some grant was never released.
 */
public final class LockReleaseProperty {
  public static final String NAME = "L3 lock release";
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.EVENTUALLY);

  private LockReleaseProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    return check(artifacts.locks().events(), artifacts.fencedNodes());
  }

  static PropertyResult check(List<LockEvent> events, Map<String, Long> fencedNodes) {
    List<LockGrant> grants = LockGrants.of(events, fencedNodes);
    List<LockGrant> unreleased = grants.stream()
        .filter(grant -> !grant.releasedByHolder()).toList();
    if (unreleased.isEmpty()) {
      return VERDICTS.notExercised("every grant was released by its holder");
    }
    List<String> witness = new ArrayList<>();
    List<String> caveats = new ArrayList<>();
    for (LockGrant grant : unreleased) {
      if (grant.serverEndNanos() != LockGrant.OPEN || grantedLater(grant, grants)) {
        continue;
      }
      if (askedLaterInVain(grant, events)) {
        witness.add("never became available though others asked: " + grant);
      } else {
        caveats.add("caveat: still held at the end, nobody asked: " + grant);
      }
    }
    String counts = unreleased.size() + " grants never released by their holder";
    if (!witness.isEmpty()) {
      witness.addAll(caveats);
      return VERDICTS.violated(counts + "; " + (witness.size() - caveats.size()) + " never freed for a waiter",
          witness);
    }
    return VERDICTS.holds(counts + "; each became available or nobody asked", caveats);
  }

  private static boolean grantedLater(LockGrant grant, List<LockGrant> grants) {
    return grants.stream().anyMatch(other -> other.name().equals(grant.name())
        && other.grantedNanos() > grant.grantedNanos());
  }

  /** Another acquisition requested the lock after the grant and was never granted it. */
  private static boolean askedLaterInVain(LockGrant grant, List<LockEvent> events) {
    return events.stream().anyMatch(request -> request.kind() == LockEvent.Kind.ACQUIRE_REQUESTED
        && request.lockName().equals(grant.name()) && request.operationId() != grant.operationId()
        && request.trueTimeNanos() >= grant.grantedNanos() && events.stream().noneMatch(answer ->
            answer.operationId() == request.operationId() && answer.lockName().equals(grant.name())
                && answer.kind() == LockEvent.Kind.GRANTED));
  }
}

package io.cvolsim.scenarios.properties;

import io.cvolsim.checker.history.HistoryFormatException;
import io.cvolsim.checker.linear.Budget;
import io.cvolsim.checker.linear.LinearizabilityChecker;
import io.cvolsim.checker.linear.Verdict;
import io.cvolsim.checker.model.InitialValue;
import io.cvolsim.checker.model.ModelRegistry;
import io.cvolsim.model.dlm.LockEvent;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * S10 lock safety (reference §8, §7.4): no two grants of one lock name are held at overlapping
 * times. A grant is held from GRANTED until the later of the holder's belief (it holds the lock
 * until it starts releasing, gives it up at its lease's end when lease-aware, its process dies,
 * or it is powered off) and the server's view (until
 * the release took effect, the lease expired, cleanup removed it, or the process died); see
 * {@link LockGrants}. The overlap of beliefs is what endangers storage: etcd's expired lease
 * under a stalled holder that releases later shows as one. A grant never released whose lease
 * expired is taken to end at the expiry (the holder crashed, or stalled past the end): a caveat.
 *
 * <p>Cross-check: each lock name's grants, as acquire/release operations, are checked against
 * the checker's "mutex" model. The two verdicts must agree; if they do not, the result is
 * UNKNOWN, as is a spent checker budget. Exercised when some lock was granted.
 */
public final class LockSafetyProperty {
  public static final String NAME = "S10 lock safety";
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.ALWAYS);
  private static final long MUTEX_BUDGET_MILLIS = 5_000;

  private LockSafetyProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    return check(artifacts.locks().events(), artifacts.fencedNodes(), deathsOf(artifacts));
  }

  /**
   * Each node's process deaths, in true time. A crashed holder stops believing when it dies; a
   * later power-off of the dead machine does not stretch its belief (hardened with
   * fencing=stonith, seed 21; from a helper's triage), nor does a lease-aware holder's lease end.
   */
  static Map<String, List<Long>> deathsOf(RunArtifacts artifacts) {
    Map<String, List<Long>> deaths = new TreeMap<>();
    artifacts.services().events().stream()
        .filter(event -> event.kind() == ServiceLog.Kind.PROCESS_DIED)
        .forEach(event -> deaths.computeIfAbsent(event.actor(), node -> new ArrayList<>()).add(event.trueTimeNanos()));
    return deaths;
  }

  static PropertyResult check(List<LockEvent> events, Map<String, Long> fencedNodes) {
    return check(events, fencedNodes, Collections.emptySortedMap());
  }

  static PropertyResult check(List<LockEvent> events, Map<String, Long> fencedNodes, Map<String, List<Long>> deaths) {
    SortedMap<String, List<LockGrant>> byName = new TreeMap<>();
    LockGrants.of(events, fencedNodes, deaths).forEach(grant ->
        byName.computeIfAbsent(grant.name(), name -> new ArrayList<>()).add(grant));
    if (byName.isEmpty()) {
      return VERDICTS.notExercised("no lock was granted");
    }
    List<String> witness = new ArrayList<>();
    List<String> caveats = new ArrayList<>();
    Verdict mutex = Verdict.LINEARIZABLE;
    for (List<LockGrant> grants : byName.values()) {
      witness.addAll(overlaps(grants));
      grants.stream().filter(grant -> grant.beliefEnd() == LockGrant.BeliefEnd.PRESUMED_DEAD_AT_SERVER_END)
          .forEach(grant -> caveats.add("caveat: never released, taken as ending at its expiry: " + grant));
      mutex = mutex.combine(mutexVerdict(grants));
    }
    String counts = byName.size() + " lock names, " + byName.values().stream().mapToInt(List::size).sum()
        + " grants; mutex model: " + mutex.externalName();
    boolean intervalsOverlap = !witness.isEmpty();
    if (mutex == Verdict.UNKNOWN || intervalsOverlap != (mutex == Verdict.NOT_LINEARIZABLE)) {
      witness.addAll(caveats);
      return VERDICTS.unknown(counts + "; the interval check says " + (intervalsOverlap ? "overlap" : "none"),
          witness);
    }
    if (intervalsOverlap) {
      witness.addAll(caveats);
      return VERDICTS.violated(counts + "; " + (witness.size() - caveats.size()) + " overlapping grants", witness);
    }
    return VERDICTS.holds(counts, caveats);
  }

  private static List<String> overlaps(List<LockGrant> grants) {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < grants.size(); i++) {
      for (int j = i + 1; j < grants.size(); j++) {
        if (grants.get(i).overlaps(grants.get(j))) {
          found.add("held at once: " + grants.get(i) + " | " + grants.get(j));
        }
      }
    }
    return found;
  }

  private static Verdict mutexVerdict(List<LockGrant> grants) {
    try {
      return LinearizabilityChecker.check(LockMutexHistory.of(grants),
          ModelRegistry.standard().create("mutex", InitialValue.none()),
          Budget.defaults().withTimeBudgetMillis(MUTEX_BUDGET_MILLIS)).verdict();
    } catch (HistoryFormatException e) {
      throw new IllegalStateException("the lock history does not fit the mutex model: " + e.getMessage(), e);
    }
  }
}

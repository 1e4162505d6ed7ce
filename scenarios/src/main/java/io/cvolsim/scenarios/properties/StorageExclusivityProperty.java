package io.cvolsim.scenarios.properties;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.storage.IoLogEntry;
import io.cvolsim.model.storage.StorageLogFindings;
import io.cvolsim.model.storage.StorageLogFindings.Overlap;
import io.cvolsim.model.storage.StorageOperation.Category;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * S1 storage exclusivity (reference §8): no two c-vol nodes' accepted mutating calls on one
 * volume or snapshot run at a common instant, and no delete of X overlaps a copy reading X.
 *
 * <p>"c-vol nodes" are the callers that made at least one driver call (any category but data
 * I/O and access control): an attached instance that only writes blocks is no c-vol, while a
 * c-vol's image download (block writes) counts. Accepted means the array started the work
 * (not rejected or refused). Two export calls (initialize, terminate, ensure) are a
 * declared-compatible pair, as several attaches of a multiattach volume are; S14 judges them.
 * Exercised when some resource got accepted mutations from two c-vol nodes, or a copy's source
 * was deleted.
 */
public final class StorageExclusivityProperty {
  public static final String NAME = "S1 storage exclusivity";
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.ALWAYS);

  private StorageExclusivityProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    return check(artifacts.storage().entries());
  }

  static PropertyResult check(List<IoLogEntry> entries) {
    List<IoLogEntry> byVolumeServices = byVolumeServices(entries);
    List<String> witness = new ArrayList<>();
    for (Overlap overlap : StorageLogFindings.concurrentMutations(byVolumeServices)) {
      if (!bothExports(overlap)) {
        witness.add("two nodes mutate " + overlap.first().call().target() + " at once: " + overlap.first()
            + " | " + overlap.second());
      }
    }
    List<Overlap> deletes = StorageLogFindings.deletesDuringCopies(entries);
    deletes.forEach(overlap -> witness.add("delete of " + overlap.second().call().target()
        + " during a copy reading it: " + overlap.first() + " | " + overlap.second()));
    if (!witness.isEmpty()) {
      return VERDICTS.violated(witness.size() + " overlapping mutations", witness);
    }
    long contested = contestedResources(byVolumeServices).size();
    if (contested == 0 && !SourceProtectionProperty.anyCopySourceDeleted(entries)) {
      return VERDICTS.notExercised("no resource was changed by two c-vol nodes, and no copy's source was deleted");
    }
    return VERDICTS.holds(contested + " resources changed by several c-vol nodes, never at once");
  }

  /** The entries of callers that made a driver call: the c-vol nodes. */
  static List<IoLogEntry> byVolumeServices(List<IoLogEntry> entries) {
    SortedSet<NodeId> volumeServices = new TreeSet<>();
    for (IoLogEntry entry : entries) {
      Category category = entry.call().operation().category();
      if (category != Category.DATA && category != Category.ADMIN) {
        volumeServices.add(entry.call().caller());
      }
    }
    return entries.stream().filter(entry -> volumeServices.contains(entry.call().caller())).toList();
  }

  private static boolean bothExports(Overlap overlap) {
    return overlap.first().call().operation().category() == Category.EXPORT
        && overlap.second().call().operation().category() == Category.EXPORT;
  }

  /** Resources that accepted mutations from more than one node over the whole run. */
  private static SortedSet<String> contestedResources(List<IoLogEntry> entries) {
    Map<String, SortedSet<NodeId>> callers = new TreeMap<>();
    for (IoLogEntry entry : entries) {
      if (entry.outcome().isAccepted() && entry.call().operation().category() != Category.ADMIN) {
        callers.computeIfAbsent(entry.call().target(), target -> new TreeSet<>()).add(entry.call().caller());
      }
    }
    SortedSet<String> contested = new TreeSet<>();
    callers.forEach((target, nodes) -> {
      if (nodes.size() > 1) {
        contested.add(target);
      }
    });
    return contested;
  }
}

package io.cvolsim.scenarios.properties;

import io.cvolsim.model.storage.IoLogEntry;
import io.cvolsim.model.storage.StorageLogFindings;
import io.cvolsim.model.storage.StorageOperation.Category;
import io.cvolsim.reports.PropertyResult;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * S2 source protection (reference §8, §7.6): the array never runs an accepted delete of a volume
 * or snapshot while an accepted copy (clone, create-from-snapshot, snapshot) reads it. Exercised
 * when some copy's source also received a delete call during the run, whatever its outcome.
 */
public final class SourceProtectionProperty {
  public static final String NAME = "S2 source protection";
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.ALWAYS);

  private SourceProtectionProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    return check(artifacts.storage().entries());
  }

  static PropertyResult check(List<IoLogEntry> entries) {
    List<String> witness = StorageLogFindings.deletesDuringCopies(entries).stream()
        .map(overlap -> "copy " + overlap.first() + " | delete " + overlap.second()).toList();
    if (!witness.isEmpty()) {
      return VERDICTS.violated(witness.size() + " deletes ran while a copy read their object", witness);
    }
    SortedSet<String> deletedSources = deletedCopySources(entries);
    if (deletedSources.isEmpty()) {
      return VERDICTS.notExercised("no copy's source was deleted");
    }
    return VERDICTS.holds(deletedSources.size() + " copy sources deleted, never during their copy");
  }

  static boolean anyCopySourceDeleted(List<IoLogEntry> entries) {
    return !deletedCopySources(entries).isEmpty();
  }

  /** Sources of accepted copies that also got a delete call at some time. */
  private static SortedSet<String> deletedCopySources(List<IoLogEntry> entries) {
    SortedSet<String> sources = new TreeSet<>();
    for (IoLogEntry entry : entries) {
      if (entry.call().operation().readsSource() && entry.outcome().isAccepted()) {
        sources.add(entry.call().source());
      }
    }
    SortedSet<String> deleted = new TreeSet<>();
    for (IoLogEntry entry : entries) {
      if (entry.call().operation().category() == Category.DELETE && sources.contains(entry.call().target())) {
        deleted.add(entry.call().target());
      }
    }
    return deleted;
  }
}

package io.cvolsim.scenarios.properties;

import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.storage.Content;
import io.cvolsim.model.storage.IoLogEntry;
import io.cvolsim.model.storage.IoOutcome;
import io.cvolsim.model.storage.StorageLogFindings;
import io.cvolsim.model.storage.StorageOperation.Category;
import io.cvolsim.model.storage.StoredObject;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Data integrity: (a) no copy the array reports COMPLETED is torn (its target is not the
 * source's content at the copy's start); (b) every volume the database shows {@code available}
 * or {@code in-use} whose content came from a copy got it from its last accepted copy, which
 * COMPLETED untorn, and, when nothing changed the volume after that copy, the array holds the
 * source's content at the copy's start. (b) catches a status written over a failed or aborted
 * copy (a zombie's, or a resurrection, S4). Exercised when any copy was accepted.
 */
public final class DataIntegrityProperty {
  public static final String NAME = "data integrity";
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.ALWAYS);
  private static final List<String> USABLE = List.of("available", "in-use");

  private DataIntegrityProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    return check(artifacts.storage().entries(), artifacts.storage().inventory(),
        artifacts.databaseAtEnd().getOrDefault(Database.VOLUMES, List.of()));
  }

  static PropertyResult check(List<IoLogEntry> entries, SortedMap<String, StoredObject> inventory, List<Row> volumes) {
    List<IoLogEntry> copies = entries.stream()
        .filter(entry -> entry.call().operation().readsSource() && entry.outcome().isAccepted()).toList();
    if (copies.isEmpty()) {
      return VERDICTS.notExercised("no copy was accepted");
    }
    List<String> witness = new ArrayList<>();
    StorageLogFindings.tornCopies(entries).stream().filter(entry -> entry.outcome() == IoOutcome.COMPLETED)
        .forEach(entry -> witness.add("completed copy is torn: " + entry));
    for (Row volume : volumes) {
      if (USABLE.contains(volume.string("status")) && !volume.isTrue("deleted")) {
        usableVolumeProblem(volume.string("id"), entries, inventory).ifPresent(witness::add);
      }
    }
    if (!witness.isEmpty()) {
      return VERDICTS.violated(witness.size() + " copies do not hold their source's content", witness);
    }
    return VERDICTS.holds(copies.size() + " copies, none torn; usable clones hold their source");
  }

  private static Optional<String> usableVolumeProblem(String volumeId, List<IoLogEntry> entries,
      Map<String, StoredObject> inventory) {
    IoLogEntry lastCopy = null;
    boolean changedAfter = false;
    for (IoLogEntry entry : entries) {
      if (!entry.call().target().equals(volumeId) || !entry.outcome().isAccepted()
          || entry.call().operation().category() == Category.EXPORT) {
        continue;
      }
      if (entry.call().operation().readsSource()) {
        lastCopy = entry;
        changedAfter = false;
      } else if (lastCopy != null) {
        changedAfter = true;
      }
    }
    if (lastCopy == null) {
      return Optional.empty();
    }
    String status = "volume " + volumeId + " is usable in the database but ";
    if (lastCopy.outcome() != IoOutcome.COMPLETED) {
      return Optional.of(status + "its copy ended " + lastCopy.outcome() + ": " + lastCopy);
    }
    if (lastCopy.copy() != null && lastCopy.copy().isTorn()) {
      return Optional.of(status + "its copy is torn: " + lastCopy);
    }
    StoredObject stored = inventory.get(volumeId);
    Content expected = lastCopy.copy() == null ? null : lastCopy.copy().sourceAtStart();
    if (!changedAfter && stored != null && expected != null && !stored.content().startsWith(expected)) {
      return Optional.of(status + "holds " + stored.content() + ", not its source's " + expected);
    }
    return Optional.empty();
  }
}

package io.cvolsim.scenarios.properties;

import io.cvolsim.model.db.Row;
import io.cvolsim.model.storage.StoredObject;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * S5 status and storage agree at quiescence (reference §8): an available or in-use volume exists
 * on the array, and a deleted volume does not. Error statuses promise nothing. Not judged yet:
 * that an in-use volume is exported (legacy attach and detach leave paths, such as unreserve
 * after a detach, where the model's export and the status part).
 * Judged on the database and the array's inventory at the end of the run.
 */
public final class StorageAgreementProperty {
  public static final String NAME = "S5 status and storage agree";
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.EVENTUALLY);

  private StorageAgreementProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    return check(artifacts.databaseAtEnd().getOrDefault("volumes", List.of()), artifacts.storage().inventory());
  }

  static PropertyResult check(List<Row> volumes, SortedMap<String, StoredObject> inventory) {
    if (volumes.isEmpty()) {
      return VERDICTS.notExercised("no volume was created");
    }
    List<String> witness = new ArrayList<>();
    for (Row volume : volumes) {
      String id = volume.string("id");
      StoredObject object = inventory.get(id);
      Object status = volume.get("status");
      if (volume.isTrue("deleted") && object != null) {
        witness.add("volume " + id + " is deleted but the array still holds it (" + object.status() + ")");
      } else if (!volume.isTrue("deleted") && ("available".equals(status) || "in-use".equals(status))) {
        if (object == null || object.status() != StoredObject.Status.AVAILABLE) {
          witness.add("volume " + id + " is " + status + " but the array holds " + (object == null ? "nothing" : object.status()));
        }
      }
    }
    if (!witness.isEmpty()) {
      return VERDICTS.violated(witness.size() + " volumes disagree with the array", witness);
    }
    return VERDICTS.holds(volumes.size() + " volumes agree with the array");
  }

  /** S6's table of owners: volume and snapshot ids the database still has alive. */
  static boolean aliveIn(Map<String, List<Row>> database, String table, String id) {
    for (Row row : database.getOrDefault(table, List.of())) {
      if (id.equals(row.get("id")) && !row.isTrue("deleted")) {
        return true;
      }
    }
    return false;
  }
}

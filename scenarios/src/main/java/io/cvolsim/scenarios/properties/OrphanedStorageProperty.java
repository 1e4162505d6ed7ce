package io.cvolsim.scenarios.properties;

import io.cvolsim.model.storage.StoredObject;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import io.cvolsim.model.db.Row;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * S6 no orphaned storage at quiescence (reference §8): every object on the array belongs to a
 * volume or snapshot the database still has. A force-delete racing a create, a cleanup turning
 * creating into error after the array made the volume, or a reschedule leave such objects.
 */
public final class OrphanedStorageProperty {
  public static final String NAME = "S6 no orphaned storage";
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.EVENTUALLY);

  private OrphanedStorageProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    if (artifacts.storage().inventory().isEmpty() && artifacts.storage().entries().isEmpty()) {
      return VERDICTS.notExercised("nothing was stored on the array");
    }
    return check(artifacts.databaseAtEnd(), artifacts.storage().inventory());
  }

  static PropertyResult check(Map<String, List<Row>> database, SortedMap<String, StoredObject> inventory) {
    List<String> witness = new ArrayList<>();
    for (StoredObject object : inventory.values()) {
      String table = object.kind() == StoredObject.Kind.VOLUME ? "volumes" : "snapshots";
      if (!StorageAgreementProperty.aliveIn(database, table, object.id())) {
        witness.add(object.kind() + " " + object.id() + " (" + object.status() + ") has no live row in " + table);
      }
    }
    if (!witness.isEmpty()) {
      return VERDICTS.violated(witness.size() + " objects on the array belong to nothing", witness);
    }
    return VERDICTS.holds(inventory.size() + " objects on the array, each owned");
  }
}

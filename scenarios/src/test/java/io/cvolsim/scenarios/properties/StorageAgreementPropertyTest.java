package io.cvolsim.scenarios.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.model.db.Row;
import io.cvolsim.model.storage.Content;
import io.cvolsim.model.storage.StoredObject;
import io.cvolsim.reports.PropertyStatus;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** S5 and S6 on the database and the array's inventory at the end of a run. */
class StorageAgreementPropertyTest {
  private static Row volume(String id, String status, boolean deleted) {
    return Row.of(Row.values("id", id, "status", status, "deleted", deleted));
  }

  private static SortedMap<String, StoredObject> array(String... ids) {
    SortedMap<String, StoredObject> inventory = new TreeMap<>();
    for (String id : ids) {
      inventory.put(id, new StoredObject(id, StoredObject.Kind.VOLUME, StoredObject.Status.AVAILABLE, 1,
          Content.empty(4), List.of(), null));
    }
    return inventory;
  }

  @Test
  void availableVolumeMissingOnTheArray_orDeletedVolumeStillThere_disagree() {
    assertThat(StorageAgreementProperty.check(List.of(volume("v1", "available", false)), array()).status())
        .isEqualTo(PropertyStatus.VIOLATED);
    assertThat(StorageAgreementProperty.check(List.of(volume("v1", "deleted", true)), array("v1")).status())
        .isEqualTo(PropertyStatus.VIOLATED);
  }

  @Test
  void matchingStatuses_andErrorVolumes_hold_andNoVolumesIsNotExercised() {
    assertThat(StorageAgreementProperty.check(List.of(volume("v1", "available", false),
        volume("v2", "error", false), volume("v3", "deleted", true)), array("v1")).status())
        .isEqualTo(PropertyStatus.HOLDS);
    assertThat(StorageAgreementProperty.check(List.of(), array()).status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }

  @Test
  void s6_anObjectWithoutALiveRow_isOrphaned() {
    Map<String, List<Row>> database = Map.of("volumes", List.of(volume("v1", "available", false),
        volume("v2", "deleted", true)));
    assertThat(OrphanedStorageProperty.check(database, array("v1")).status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(OrphanedStorageProperty.check(database, array("v1", "v2")).status()).isEqualTo(PropertyStatus.VIOLATED);
  }
}

package io.cvolsim.scenarios.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import io.cvolsim.reports.PropertyResult;
import io.cvolsim.reports.PropertyStatus;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** S7 and L1 on the database a run leaves. */
class EndStatePropertiesTest {
  private final Map<String, List<Row>> database = new TreeMap<>();

  private EndStatePropertiesTest volumes(Row... rows) {
    database.put(Database.VOLUMES, List.of(rows));
    return this;
  }

  private EndStatePropertiesTest workers(Row... rows) {
    database.put(Database.WORKERS, List.of(rows));
    return this;
  }

  private static Row volume(String id, String status) {
    return Row.of(Row.values("id", id, "status", status, "deleted", false));
  }

  private static Row worker(long id, String volumeId, String status, Long serviceId) {
    return Row.of(Row.values("id", id, "resource_type", "Volume", "resource_id", volumeId, "status", status,
        "service_id", serviceId, "race_preventer", 0L, "updated_at", 0L));
  }

  private PropertyResult s7() {
    return WorkerRowsProperty.check(database, true);
  }

  private PropertyResult l1(Long... lostMessages) {
    return EventualFinalityProperty.check(database, List.of(lostMessages));
  }

  @Test
  void s7_twoRowsForOneVolume_breakTheUniqueKey() {
    volumes(volume("v1", "available")).workers(worker(1, "v1", "creating", 10L), worker(2, "v1", "deleting", 11L));
    PropertyResult result = s7();
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness().get(0)).startsWith("(a) 2 rows for Volume v1");
  }

  @Test
  void s7_rowStillFlaggingWorkAtTheEnd_isViolated() {
    volumes(volume("v1", "creating")).workers(worker(1, "v1", "creating", 10L));
    assertThat(s7().witness()).singleElement().asString().startsWith("(c) still flags creating");
  }

  @Test
  void s7_staleGoneAndUnclaimedRows_areCaveats() {
    volumes(volume("v1", "available"), volume("v3", "creating"))
        .workers(worker(1, "v1", "creating", 10L), worker(2, "v2", "deleting", 10L), worker(3, "v3", "creating", null));
    PropertyResult result = s7();
    assertThat(result.status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(result.witness()).hasSize(3).allMatch(line -> line.startsWith("caveat"));
    assertThat(result.witness()).anyMatch(line -> line.startsWith("caveat O3"));
  }

  @Test
  void s7_noWorkersRowEverWritten_isNotExercised() {
    volumes(volume("v1", "available"));
    assertThat(WorkerRowsProperty.check(database, false).status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }

  @Test
  void l1_everyVolumeAtRest_holds() {
    volumes(volume("v1", "available"), volume("v2", "error_deleting"), volume("v3", "in-use"));
    assertThat(l1().status()).isEqualTo(PropertyStatus.HOLDS);
  }

  @Test
  void l1_volumeStuckInCreatingWithAClaimedRow_isViolated() {
    volumes(volume("v1", "creating")).workers(worker(1, "v1", "creating", 10L));
    PropertyResult result = l1();
    assertThat(result.status()).isEqualTo(PropertyStatus.VIOLATED);
    assertThat(result.witness()).singleElement().asString().isEqualTo("v1 stuck in creating, unexplained");
  }

  @Test
  void l1_stuckVolumesExplainedByCaveats_holdWithTheCaveatsListed() {
    volumes(volume("v1", "extending"), volume("v2", "deleting"), volume("v3", "creating"))
        .workers(worker(1, "v2", "deleting", null));
    PropertyResult result = l1(42L);
    assertThat(result.status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(result.summary()).isEqualTo("3 of 3 volumes stuck, all explained by caveats");
    assertThat(result.witness()).containsExactly(
        "caveat: v1 stuck in extending, a status with no crash recovery",
        "caveat O3: v2 stuck in deleting, its workers row has a NULL service_id",
        "caveat: v3 stuck in creating, possibly a job lost after the ack (lost messages [42])");
  }

  @Test
  void l1_oneLostJobExplainsOnlyOneStuckVolume() {
    volumes(volume("v1", "creating"), volume("v2", "deleting"));
    assertThat(l1(42L).status()).isEqualTo(PropertyStatus.VIOLATED);
  }

  @Test
  void l1_availableButStillMigrating_isACaveat() {
    volumes(Row.of(Row.values("id", "v1", "status", "available", "migration_status", "migrating", "deleted", false)));
    assertThat(l1().witness()).singleElement().asString().contains("migration_status migrating");
  }

  /** Swarm seed 9 (hardened, deadlock bursts and crashes): the API died retrying create_worker. */
  @Test
  void l1_creatingRowNobodyWasToldOfNorHandedOn_isACaveat_unlessItsCreateWasAccepted() {
    volumes(volume("v1", "creating"));
    PropertyResult neverAccepted = EventualFinalityProperty.check(database, List.of(), List.of());
    assertThat(neverAccepted.status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(neverAccepted.witness()).singleElement().asString().contains("never accepted");

    assertThat(EventualFinalityProperty.check(database, List.of(), List.of("v1")).status())
        .isEqualTo(PropertyStatus.VIOLATED);
  }

  /** Swarm seed 193 (hardened, attachments API): the API was cut off between the delete's CAS and create_worker. */
  @Test
  void l1_deletingRowWithNoWorkersRow_isACaveat_unlessItsDeleteWasAccepted() {
    volumes(volume("v1", "deleting"));
    PropertyResult neverAccepted = EventualFinalityProperty.check(database, List.of(), List.of(), List.of());
    assertThat(neverAccepted.status()).isEqualTo(PropertyStatus.HOLDS);
    assertThat(neverAccepted.witness()).singleElement().asString().contains("its delete was never accepted");

    assertThat(EventualFinalityProperty.check(database, List.of(), List.of(), List.of("v1")).status())
        .isEqualTo(PropertyStatus.VIOLATED);
  }

  @Test
  void l1_noVolume_isNotExercised() {
    assertThat(l1().status()).isEqualTo(PropertyStatus.NOT_EXERCISED);
  }
}

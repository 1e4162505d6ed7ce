package io.cvolsim.model.db;

import static io.cvolsim.model.db.Condition.eq;
import static io.cvolsim.model.db.Condition.in;
import static io.cvolsim.model.db.Condition.notEq;
import static io.cvolsim.model.db.Condition.notIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseTest {
  private final Database database = new Database();

  private Row volume(String id) {
    return database.table(Database.VOLUMES).get(id);
  }

  private int update(String id, Condition expected, Assignment... values) {
    DbResult result = database.execute(new DbStatement.Update(Database.VOLUMES,
        Condition.all(eq("id", id), expected), List.of(values)));
    return ((DbResult.Count) result).count();
  }

  private void insertVolume(Object... columns) {
    database.execute(new DbStatement.Insert(Database.VOLUMES, Row.of(Row.values(columns))));
  }

  @Test
  void conditionalUpdate_changesOnlyWhenExpectedHolds() {
    insertVolume("id", "v1", "status", "available");
    assertThat(update("v1", eq("status", "in-use"), Assignment.set("status", "extending"))).isZero();
    assertThat(volume("v1").get("status")).isEqualTo("available");
    assertThat(update("v1", eq("status", "available"), Assignment.set("status", "extending"))).isOne();
    assertThat(volume("v1").get("status")).isEqualTo("extending");
  }

  @Test
  void nullRules_followCinder() {
    insertVolume("id", "v1", "status", "available");
    // A negative comparison also matches NULL (migration_status != 'migrating').
    assertThat(notEq("migration_status", "migrating").matches(volume("v1"), database)).isTrue();
    // Membership that lists None becomes IS NULL OR IN (...).
    assertThat(in("migration_status", null, "error").matches(volume("v1"), database)).isTrue();
    assertThat(in("migration_status", "error").matches(volume("v1"), database)).isFalse();
    // Not(iterable) with None among the values does not match NULL.
    assertThat(notIn("migration_status", null, "error").matches(volume("v1"), database)).isFalse();
  }

  @Test
  void valuesReadTheRowAsItWasBeforeTheUpdate() {
    insertVolume("id", "v1", "status", "available");
    update("v1", eq("status", "available"), Assignment.set("status", "retyping"),
        new Assignment.CopyOf("previous_status", "status"));
    assertThat(volume("v1").get("previous_status")).isEqualTo("available");
  }

  @Test
  void caseAndIncrement_work() {
    insertVolume("id", "v1", "status", "error_managing", "race_preventer", 4L);
    update("v1", in("status", "error_managing"),
        new Assignment.Case("status", List.of(new Assignment.Case.When(
            eq("status", "error_managing"), "error_managing_deleting")), "deleting"),
        new Assignment.Increment("race_preventer", 1));
    assertThat(volume("v1").get("status")).isEqualTo("error_managing_deleting");
    assertThat(volume("v1").get("race_preventer")).isEqualTo(5L);
  }

  @Test
  void noLiveChildFilter_seesSnapshots() {
    insertVolume("id", "v1", "status", "available");
    Condition noSnapshots = new Condition.NoLiveChild(Database.SNAPSHOTS, "volume_id");
    assertThat(noSnapshots.matches(volume("v1"), database)).isTrue();
    database.execute(new DbStatement.Insert(Database.SNAPSHOTS,
        Row.of(Row.values("id", "s1", "volume_id", "v1", "deleted", false))));
    assertThat(noSnapshots.matches(volume("v1"), database)).isFalse();
  }

  @Test
  void uniqueConstraint_rejectsASecondWorkerRowForOneResource() {
    Row first = Row.of(Row.values("resource_type", "Volume", "resource_id", "v1", "status", "creating"));
    DbResult inserted = database.execute(new DbStatement.Insert(Database.WORKERS, first));
    DbResult duplicate = database.execute(new DbStatement.Insert(Database.WORKERS, first));
    assertThat(inserted).isInstanceOf(DbResult.Rows.class);
    assertThat(((DbResult.Rows) inserted).rows().get(0).get("id")).isEqualTo(1L);
    assertThat(duplicate).isEqualTo(new DbResult.Count(0));
  }
}

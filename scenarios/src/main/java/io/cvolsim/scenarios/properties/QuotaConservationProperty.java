package io.cvolsim.scenarios.properties;

import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.quota.QuotaUsage;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * S13 quota conservation (reference §8), its reservation half, judged on the database at
 * quiescence: every reservation was committed or rolled back (none left reserved), and the
 * project's volumes in use equal its volumes not deleted, so each accepted create counted once and
 * each destroyed volume was released once. Under Cinder's separate quota steps
 * (quota.commit=separate), two deletes of one never-scheduled volume that both release
 * (api.unscheduled_delete=destroy) break it, and so does a node that dies between destroying a
 * volume and releasing its quota, as in Cinder until the reservation expires. The capacity half is
 * CapacityConservationProperty. Exercised when quota.tracking is on (both presets).
 */
public final class QuotaConservationProperty {
  public static final String NAME = "S13 quota conservation";
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.EVENTUALLY);

  private QuotaConservationProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    return check(artifacts.databaseAtEnd());
  }

  static PropertyResult check(Map<String, List<Row>> database) {
    Optional<Row> usage = database.getOrDefault(Database.QUOTA_USAGES, List.of()).stream()
        .filter(row -> QuotaUsage.ROW_ID.equals(row.string("id"))).findFirst();
    if (usage.isEmpty()) {
      return VERDICTS.notExercised("no quota usage is kept (quota.tracking=off)");
    }
    long volumes = database.getOrDefault(Database.VOLUMES, List.of()).stream().filter(row -> !row.isTrue("deleted"))
        .count();
    long inUse = usage.get().longValue("in_use", 0);
    long reserved = usage.get().longValue("reserved", 0);
    List<String> witness = new ArrayList<>();
    if (reserved != 0) {
      witness.add(reserved + " volume reservations were never committed or rolled back");
    }
    if (inUse != volumes) {
      witness.add("quota counts " + inUse + " volumes in use but " + volumes + " exist: "
          + (inUse < volumes ? "a create was never committed, or a volume was released twice"
              : "a destroyed volume was never released"));
    }
    if (!witness.isEmpty()) {
      return VERDICTS.violated("the quota usage does not match the volumes", witness);
    }
    return VERDICTS.holds(volumes + " volumes, " + inUse + " in use by the quota, nothing reserved");
  }
}

package io.cvolsim.scenarios.properties;

import io.cvolsim.checker.history.History;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * S14 attachment consistency (reference §8), the half the model can judge, at quiescence: a
 * volume's status agrees with its attach_status - in-use only while attached, available only
 * while not. The other half, at most one live attachment row per volume unless multiattach, needs
 * the attachment rows of the new attach API (attachment_reserve, update and delete), which the
 * model does not write yet: legacy attach keeps attach_status on the volume row only. A volume an
 * admin reset (reset-state writes status alone) is a caveat. Exercised when some live volume is
 * in-use or attached at the end.
 */
public final class AttachmentConsistencyProperty {
  public static final String NAME = "S14 attachment consistency";
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.EVENTUALLY);

  private AttachmentConsistencyProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    return check(artifacts.databaseAtEnd(), artifacts.history());
  }

  static PropertyResult check(Map<String, List<Row>> database, History history) {
    List<Row> volumes = database.getOrDefault(Database.VOLUMES, List.of()).stream()
        .filter(row -> !row.isTrue("deleted")).toList();
    if (volumes.stream().noneMatch(row -> isAttached(row) || "in-use".equals(row.get("status")))) {
      return VERDICTS.notExercised("no live volume is in-use or attached at the end");
    }
    List<String> witness = new ArrayList<>();
    List<String> caveats = new ArrayList<>();
    for (Row volume : volumes) {
      String status = volume.string("status");
      boolean disagrees = "in-use".equals(status) && !isAttached(volume) || "available".equals(status) && isAttached(volume);
      if (!disagrees) {
        continue;
      }
      String line = volume.string("id") + " is " + status + " with attach_status " + volume.get("attach_status");
      if (AdminResets.resetSince(history, volume.string("id"), 0)) {
        caveats.add("caveat: " + line + ", after an admin's reset-state");
      } else {
        witness.add(line);
      }
    }
    if (!witness.isEmpty()) {
      int disagreeing = witness.size();
      witness.addAll(caveats);
      return VERDICTS.violated(disagreeing + " volumes' status disagrees with their attach_status", witness);
    }
    return VERDICTS.holds(volumes.size() + " live volumes, each status agreeing with its attach_status", caveats);
  }

  private static boolean isAttached(Row volume) {
    return "attached".equals(volume.get("attach_status"));
  }
}

package io.cvolsim.scenarios.properties;

import io.cvolsim.checker.history.History;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * S14 attachment consistency (reference §8), at quiescence: a volume's status agrees with its
 * attach_status - in-use only while attached, available only while not. With
 * {@code volume.attachment_rows=on} (legacy attach then writes volume_attachments rows, as
 * Cinder's volume_attach and volume_detached do) also the other half: at most one live
 * attachment per volume unless multiattach, and in-use exactly while one is live. The
 * attachments API ({@code workload.attach_api=attachments}) always keeps rows, and adds one more
 * test: an attachment_delete refused although its detach took place and the volume was then
 * deleted (LP #1937084, {@link DetachDivergence}). A volume an
 * admin reset (reset-state writes status alone) is a caveat. Exercised when some live volume is
 * in-use or attached at the end, or a detach diverged.
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
    List<String> witness = new ArrayList<>(DetachDivergence.witness(database, history));
    if (witness.isEmpty() && volumes.stream().noneMatch(row -> isAttached(row) || "in-use".equals(row.get("status")))) {
      return VERDICTS.notExercised("no live volume is in-use or attached at the end");
    }
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
    List<Row> attachments = database.getOrDefault(Database.ATTACHMENTS, List.of());
    if (!attachments.isEmpty()) {
      judgeAttachmentRows(volumes, attachments, history, witness, caveats);
    }
    if (!witness.isEmpty()) {
      int disagreeing = witness.size();
      witness.addAll(caveats);
      return VERDICTS.violated(disagreeing + " volumes disagree with their attach_status or attachments", witness);
    }
    return VERDICTS.holds(volumes.size() + " live volumes, each status agreeing with its attach_status"
        + (attachments.isEmpty() ? "" : " and its live attachments, at most one each unless multiattach"), caveats);
  }

  private static final List<String> HOLDING = List.of("attached", "attaching", "reserved");

  /**
   * The half that needs volume_attachments rows ({@code volume.attachment_rows=on}): at most one
   * live attachment per volume unless multiattach, and in-use exactly while one is live.
   */
  private static void judgeAttachmentRows(List<Row> volumes, List<Row> attachments, History history,
      List<String> witness, List<String> caveats) {
    for (Row volume : volumes) {
      String id = volume.string("id");
      long live = attachments.stream().filter(row -> id.equals(row.get("volume_id")) && !row.isTrue("deleted")
          && HOLDING.contains(row.string("attach_status"))).count();
      if (live > 1 && !volume.isTrue("multiattach")) {
        witness.add(id + " has " + live + " live attachments and is not multiattach");
      }
      String status = volume.string("status");
      boolean disagrees = "in-use".equals(status) && live == 0 || "available".equals(status) && live > 0;
      if (disagrees) {
        String line = id + " is " + status + " with " + live + " live attachments";
        if (AdminResets.resetSince(history, id, 0)) {
          caveats.add("caveat: " + line + ", after an admin's reset-state");
        } else {
          witness.add(line);
        }
      }
    }
  }

  private static boolean isAttached(Row volume) {
    return "attached".equals(volume.get("attach_status"));
  }
}

package io.cvolsim.scenarios.properties;

import io.cvolsim.checker.history.OperationType;
import io.cvolsim.checker.history.PairedOperation;
import io.cvolsim.model.workers.ResourceType;
import io.cvolsim.model.workers.WorkerEvent;
import io.cvolsim.scenarios.workload.CompletionRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A status some accepted transition set on a volume outside the normal operation flow, which a
 * stale completion must not overwrite (S4): a force-delete, an admin reset-state, or a cleanup's
 * write (reference §3 "Where CAS is not used", O6).
 *
 * @param statuses what the transition set; a completion writing one of these changes nothing
 * @param followUps statuses the transition's own follow-up work may legitimately write (the
 *     delete job a force-delete casts ends in deleted or error_deleting)
 * @param startNanos when the transition began (true time)
 * @param effectiveNanos when it had certainly taken effect (true time)
 * @param pair the client operation, or null for a cleanup's write
 */
record StatusAnchor(String volumeId, String description, List<String> statuses, List<String> followUps,
    long startNanos, long effectiveNanos, PairedOperation pair) {

  /** Volume-service writers have their own range of process ids; clients and operators do not. */
  static boolean isWriter(PairedOperation pair) {
    return CompletionRecorder.isCompletionWriter(pair.process());
  }

  static String volumeOf(PairedOperation pair) {
    return pair.input() instanceof Map<?, ?> map ? (String) map.get("volume") : null;
  }

  static String statusOf(PairedOperation pair) {
    return pair.input() instanceof Map<?, ?> map ? (String) map.get("status") : null;
  }

  /** Force-deletes and reset-states the clients saw accepted. */
  static List<StatusAnchor> fromHistory(List<PairedOperation> pairs) {
    List<StatusAnchor> anchors = new ArrayList<>();
    for (PairedOperation pair : pairs) {
      if (isWriter(pair) || pair.outcome() != OperationType.OK) {
        continue;
      }
      long start = pair.invocation().timeNanos();
      long end = pair.completion().timeNanos();
      if (pair.f().equals("force-delete")) {
        anchors.add(new StatusAnchor(volumeOf(pair), "force-delete " + pair, List.of("deleting"),
            List.of("deleted", "error_deleting"), start, end, pair));
      } else if (pair.f().equals("complete") && statusOf(pair) != null) {
        anchors.add(new StatusAnchor(volumeOf(pair), "reset-state " + pair, List.of(statusOf(pair)), List.of(),
            start, end, pair));
      }
    }
    return anchors;
  }

  /**
   * Cleanups that wrote a volume status (creating and downloading to error, uploading to a
   * status from the attachments). The write ended before the cleaner deleted or kept the row,
   * so that later event bounds when it took effect; a cleaner that died before is skipped.
   */
  static List<StatusAnchor> fromCleanups(List<WorkerEvent> events) {
    List<StatusAnchor> anchors = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      WorkerEvent action = events.get(i);
      List<String> written = cleanupWrite(action);
      if (written.isEmpty()) {
        continue;
      }
      for (WorkerEvent later : events.subList(i + 1, events.size())) {
        if (later.row().id() == action.row().id() && later.node().equals(action.node())
            && (later.kind() == WorkerEvent.Kind.DELETED || later.kind() == WorkerEvent.Kind.KEPT)) {
          anchors.add(new StatusAnchor(action.row().resourceId(), "cleanup by " + action.node() + " of "
              + action.row().status() + " row " + action.row().id(), written, List.of(),
              action.trueTimeNanos(), later.trueTimeNanos(), null));
          break;
        }
      }
    }
    return anchors;
  }

  private static List<String> cleanupWrite(WorkerEvent event) {
    if (event.kind() != WorkerEvent.Kind.ACTION_RUN || !ResourceType.VOLUME.dbName().equals(event.row().resourceType())) {
      return List.of();
    }
    switch (event.row().status()) {
      case "creating":
      case "downloading":
        return List.of("error");
      case "uploading":
        return List.of("available", "in-use");
      default:
        return List.of();
    }
  }
}

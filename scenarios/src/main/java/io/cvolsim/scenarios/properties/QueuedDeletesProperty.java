package io.cvolsim.scenarios.properties;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.dlm.LockEvent;
import io.cvolsim.model.service.ServiceLog;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * L4 queued operations proceed (reference §8, §7.6): a delete that queued on its resource's
 * {@code -delete_volume} or {@code -delete_snapshot} lock behind another holder (a clone of the
 * source, or under manager.volume_lock=delete-lock any operation on the volume) gets the lock
 * once that holder lets go, and the resource ends deleted or error_deleting. Caveats, not
 * violations: the deleting node died, the lock service could not be reached, the holder ahead
 * never let go (L1 and L3 judge those), or an admin reset the status afterwards. Exercised when
 * some delete queued.
 */
public final class QueuedDeletesProperty {
  public static final String NAME = "L4 queued deletes proceed";
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.EVENTUALLY);
  private static final List<String> DONE = List.of("deleted", "error_deleting");

  private QueuedDeletesProperty() {}

  /** One queued delete: its request, the grant ahead of it, and how its acquisition ended. */
  private record QueuedDelete(LockEvent request, LockGrant ahead, Optional<LockEvent> answer, String table,
      String resourceId) {
    String describe(String purposeAhead) {
      return table.substring(0, table.length() - 1) + " " + resourceId + ": delete on " + request.holder()
          + " queued at " + Durations.formatTimestamp(request.trueTimeNanos()) + " behind "
          + (purposeAhead.isEmpty() ? "a holder" : purposeAhead) + " on " + ahead.holder();
    }
  }

  public static PropertyResult check(RunArtifacts artifacts) {
    List<LockEvent> events = artifacts.locks().events();
    List<LockGrant> grants = LockGrants.of(events, artifacts.fencedNodes());
    List<String> witness = new ArrayList<>();
    List<String> caveats = new ArrayList<>();
    int queued = 0;
    for (LockEvent request : events) {
      Optional<QueuedDelete> delete = queuedDelete(request, artifacts, grants, events);
      if (delete.isEmpty()) {
        continue;
      }
      queued++;
      judge(delete.get(), artifacts, witness, caveats);
    }
    if (queued == 0) {
      return VERDICTS.notExercised("no delete queued behind another holder of its lock");
    }
    if (!witness.isEmpty()) {
      witness.addAll(caveats);
      return VERDICTS.violated(witness.size() - caveats.size() + " of " + queued + " queued deletes did not proceed",
          witness);
    }
    return VERDICTS.holds(queued + " queued deletes, each ran after the holder ahead and ended deleted or error_deleting"
        + (caveats.isEmpty() ? "" : " (" + caveats.size() + " excused)"), caveats);
  }

  private static Optional<QueuedDelete> queuedDelete(LockEvent request, RunArtifacts artifacts,
      List<LockGrant> grants, List<LockEvent> events) {
    if (request.kind() != LockEvent.Kind.ACQUIRE_REQUESTED) {
      return Optional.empty();
    }
    String purpose = artifacts.locks().purposeOf(request.operationId());
    String table = purpose.equals("delete_volume") ? Database.VOLUMES
        : purpose.equals("delete_snapshot") ? Database.SNAPSHOTS : null;
    String suffix = "-" + purpose;
    if (table == null || !request.lockName().endsWith(suffix)) {
      return Optional.empty();
    }
    long at = request.trueTimeNanos();
    Optional<LockGrant> ahead = grants.stream().filter(grant -> grant.name().equals(request.lockName())
        && grant.operationId() != request.operationId() && grant.grantedNanos() <= at && at < grant.heldUntilNanos())
        .findFirst();
    Optional<LockEvent> answer = events.stream().filter(event -> event.operationId() == request.operationId()
        && (event.kind() == LockEvent.Kind.GRANTED || event.kind() == LockEvent.Kind.ACQUIRE_FAILED)).findFirst();
    String resourceId = request.lockName().substring(0, request.lockName().length() - suffix.length());
    // Queued means it waited for the holder ahead: a file lock on another node grants at once.
    return ahead.filter(grant -> answer.isEmpty() || answer.get().trueTimeNanos() >= firstEnd(grant))
        .map(grant -> new QueuedDelete(request, grant, answer, table, resourceId));
  }

  private static long firstEnd(LockGrant grant) {
    return Math.min(grant.beliefEndNanos(), grant.serverEndNanos());
  }

  private static void judge(QueuedDelete delete, RunArtifacts artifacts, List<String> witness, List<String> caveats) {
    String what = delete.describe(artifacts.locks().purposeOf(delete.ahead().operationId()));
    if (diedAfter(delete.request(), artifacts)) {
      caveats.add("caveat: " + what + "; its node died before it finished");
    } else if (delete.answer().isPresent() && delete.answer().get().kind() == LockEvent.Kind.ACQUIRE_FAILED) {
      caveats.add("caveat: " + what + "; it could not take the lock (" + delete.answer().get().detail() + ")");
    } else if (delete.answer().isEmpty() && delete.ahead().heldUntilNanos() == LockGrant.OPEN) {
      caveats.add("caveat: " + what + "; the holder ahead never let go");
    } else if (delete.answer().isEmpty()) {
      witness.add(what + "; never got the lock after the holder ahead let go at "
          + Durations.formatTimestamp(delete.ahead().heldUntilNanos()));
    } else {
      judgeFinalStatus(delete, what, artifacts, witness, caveats);
    }
  }

  private static void judgeFinalStatus(QueuedDelete delete, String what, RunArtifacts artifacts, List<String> witness,
      List<String> caveats) {
    Optional<Row> row = artifacts.databaseAtEnd().getOrDefault(delete.table(), List.of()).stream()
        .filter(candidate -> delete.resourceId().equals(candidate.string("id"))).findFirst();
    if (row.isEmpty() || row.get().isTrue("deleted") || DONE.contains(row.get().string("status"))) {
      return;
    }
    String ended = what + "; it ended in " + row.get().string("status");
    if (AdminResets.resetSince(artifacts.history(), delete.resourceId(), delete.request().trueTimeNanos())) {
      caveats.add("caveat: " + ended + " after an admin's reset-state");
    } else {
      witness.add(ended);
    }
  }

  private static boolean diedAfter(LockEvent request, RunArtifacts artifacts) {
    String node = request.holder().name();
    Long fencedAt = artifacts.fencedNodes().get(node);
    if (fencedAt != null && fencedAt >= request.trueTimeNanos()) {
      return true;
    }
    return artifacts.services().events().stream().anyMatch(event -> event.kind() == ServiceLog.Kind.PROCESS_DIED
        && event.actor().equals(node) && event.trueTimeNanos() >= request.trueTimeNanos());
  }
}

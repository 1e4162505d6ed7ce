package io.cvolsim.scenarios.properties;

import io.cvolsim.checker.history.OperationType;
import io.cvolsim.checker.history.PairedOperation;
import io.cvolsim.kernel.api.Durations;
import io.cvolsim.model.workers.WorkerEvent;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;

/**
 * S4 no lost status update (reference §8, O6, V19). A completion W (an ok {@code complete} of a
 * volume-service writer) loses the update of an anchor T (an accepted force-delete, an admin
 * reset-state, or a cleanup's status write: {@link StatusAnchor}) on the same volume when:
 * <ol>
 *   <li>W was invoked after T had certainly taken effect, so in real time W's write landed on
 *       top of T's;
 *   <li>W writes a status other than T's own and other than what T's own follow-up may write
 *       (deleted or error_deleting after a force-delete);
 *   <li>no other client transition on the volume (ok, or info since it may have happened) could
 *       have been accepted between T and W: none was invoked before W and completed after T
 *       began. Such a transition may be what W completes, so W is not judged against T.
 * </ol>
 * Failed writes (a refused CAS completion, V19's fix) changed nothing; writes of unknown outcome
 * are not judged. Exercised when some anchor exists.
 */
public final class LostStatusUpdateProperty {
  public static final String NAME = "S4 no lost status update";
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.ALWAYS);

  private LostStatusUpdateProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    return check(artifacts.history().pairs(), artifacts.workers().events());
  }

  static PropertyResult check(List<PairedOperation> pairs, List<WorkerEvent> workerEvents) {
    List<StatusAnchor> anchors = new ArrayList<>(StatusAnchor.fromHistory(pairs));
    anchors.addAll(StatusAnchor.fromCleanups(workerEvents));
    if (anchors.isEmpty()) {
      return VERDICTS.notExercised("no force-delete, reset-state or cleanup status write was accepted");
    }
    List<String> witness = new ArrayList<>();
    for (PairedOperation write : pairs) {
      if (StatusAnchor.isWriter(write) && write.outcome() == OperationType.OK && write.f().equals("complete")
          && StatusAnchor.statusOf(write) != null) {
        for (StatusAnchor anchor : anchors) {
          if (overwrites(write, anchor, pairs)) {
            witness.add(describe(write, anchor));
            break;
          }
        }
      }
    }
    if (!witness.isEmpty()) {
      return VERDICTS.violated(witness.size() + " completions overwrote a later accepted status", witness);
    }
    return VERDICTS.holds(anchors.size() + " force-deletes, reset-states and cleanup writes, none overwritten");
  }

  private static boolean overwrites(PairedOperation write, StatusAnchor anchor, List<PairedOperation> pairs) {
    String status = StatusAnchor.statusOf(write);
    long writeInvoked = write.invocation().timeNanos();
    return anchor.volumeId().equals(StatusAnchor.volumeOf(write)) && writeInvoked > anchor.effectiveNanos()
        && !anchor.statuses().contains(status) && !anchor.followUps().contains(status)
        && !anotherTransitionBetween(anchor, writeInvoked, pairs);
  }

  /** A client transition on the volume that may lie between the anchor and the write. */
  private static boolean anotherTransitionBetween(StatusAnchor anchor, long writeInvoked,
      List<PairedOperation> pairs) {
    for (PairedOperation other : pairs) {
      if (StatusAnchor.isWriter(other) || other == anchor.pair() || other.f().equals("read")
          || other.outcome() == OperationType.FAIL || !anchor.volumeId().equals(StatusAnchor.volumeOf(other))) {
        continue;
      }
      long completed = other.outcome() == OperationType.OK ? other.completion().timeNanos() : Long.MAX_VALUE;
      if (other.invocation().timeNanos() < writeInvoked && completed > anchor.startNanos()) {
        return true;
      }
    }
    return false;
  }

  private static String describe(PairedOperation write, StatusAnchor anchor) {
    return anchor.description() + " took effect by " + Durations.formatTimestamp(anchor.effectiveNanos())
        + " setting " + anchor.statuses() + " on " + anchor.volumeId() + "; then " + write + " invoked at "
        + Durations.formatTimestamp(write.invocation().timeNanos()) + " wrote " + StatusAnchor.statusOf(write);
  }
}

package io.cvolsim.scenarios.properties;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.model.storage.FencingToken;
import io.cvolsim.model.storage.IoLogEntry;
import io.cvolsim.model.volume.RowVersionTokens;
import io.cvolsim.model.workers.WorkerEvent;
import io.cvolsim.reports.PropertyResult;
import java.util.ArrayList;
import java.util.List;

/**
 * S8, second half (reference §8): a cleanup never runs while the operation it cleans up after is
 * still working. Judged on the storage side: after a cleaner ran its action on a workers row
 * version, no storage call made under that version (or an older one) of the row is accepted by
 * the array. Such a call is a zombie's: a node declared down, cleaned up after, and still
 * writing. Calls carry the row version as fencing token (RowVersionTokens), so this sees create,
 * delete and snapshot work; extend and attach carry none and are left to S1. Exercised when a
 * cleanup action ran.
 */
public final class CleanupRacesOwnerProperty {
  public static final String NAME = "S8 no cleanup while the owner works";
  private static final Verdicts VERDICTS = new Verdicts(NAME, Verdicts.ALWAYS);

  private CleanupRacesOwnerProperty() {}

  public static PropertyResult check(RunArtifacts artifacts) {
    return check(artifacts.workers().events(WorkerEvent.Kind.ACTION_RUN), artifacts.storage().entries());
  }

  static PropertyResult check(List<WorkerEvent> actions, List<IoLogEntry> storage) {
    if (actions.isEmpty()) {
      return VERDICTS.notExercised("no cleanup action ran");
    }
    List<String> witness = new ArrayList<>();
    for (WorkerEvent action : actions) {
      for (IoLogEntry entry : storage) {
        if (isOwnersLateCall(action, entry)) {
          witness.add("cleanup of " + action.row().resourceType() + " " + action.row().resourceId() + " row "
              + action.row().id() + " version " + action.row().racePreventer() + " by " + action.node() + " at "
              + Durations.formatTimestamp(action.trueTimeNanos()) + ", then the owner's call was accepted: " + entry);
        }
      }
    }
    if (!witness.isEmpty()) {
      return VERDICTS.violated(witness.size() + " storage calls of cleaned-up work accepted after the cleanup", witness);
    }
    return VERDICTS.holds(actions.size() + " cleanup actions; no cleaned-up work reached storage afterwards");
  }

  private static boolean isOwnersLateCall(WorkerEvent action, IoLogEntry entry) {
    FencingToken token = entry.call().fencingToken();
    return token != null && entry.outcome().isAccepted()
        && entry.startNanos() > action.trueTimeNanos()
        && token.resource().equals(action.row().resourceId())
        && RowVersionTokens.rowId(token) == action.row().id()
        && RowVersionTokens.racePreventer(token) <= action.row().racePreventer()
        && !entry.call().caller().name().equals(action.node());
  }
}

package io.cvolsim.model.workers;

import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.db.Row;

/**
 * A manager's {@code _do_cleanup} (reference §2.5): what a cleaner does to a resource whose
 * status still matches its claimed {@code workers} row. The c-vol and the scheduler implement
 * it; {@link StandardCleanupActions} has Cinder's actions.
 */
@FunctionalInterface
public interface CleanupAction {

  /**
   * Cleans {@code resource}, the row of its table as loaded. {@code claimed} is the workers entry
   * as the claim wrote it, marked cleaning, for an operation the action re-runs (delete) to hand
   * to {@code set_worker} and {@code unset_worker}. Answers whether the cleaner must keep the
   * workers row (true when the re-run operation removes it itself); a failed future is Cinder's
   * exception, on which the cleaner hands the row back.
   */
  SimFuture<Boolean> clean(ResourceType type, Row resource, WorkerEntry claimed);
}

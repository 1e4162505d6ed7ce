package io.cvolsim.model.api;

import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.model.config.ApiTransition;
import io.cvolsim.model.config.ErrorReporting;
import io.cvolsim.model.config.QuotaKeeping;
import io.cvolsim.model.config.SourceDelete;
import io.cvolsim.model.config.UnreserveAttachments;
import io.cvolsim.model.config.UnscheduledDelete;
import io.cvolsim.model.workers.WorkersClock;

/**
 * How an API node behaves.
 *
 * @param transition compare-and-swap, the old read-check-write (V1) or SELECT ... FOR UPDATE (V3)
 * @param database the database node
 * @param statementTimeoutNanos how long the API waits for one statement
 * @param workCleanupTimeoutNanos how long {@code POST /workers/cleanup} waits for a scheduler
 * @param unscheduledDelete how a volume without a host is destroyed
 * @param sourceDelete whether deleting a clone's source in progress queues or is refused (V14)
 * @param errorReporting what follows a failed conditional update (V2)
 * @param quota whether and how creates and destroys keep the quota usage (S13)
 * @param workersClock whose clock bounds an admin's workers cleanup that names no {@code until}
 * @param unreserve which attachment rows keep an unreserved volume in-use (as applied: with rows kept)
 */
public record ApiOptions(ApiTransition transition, NodeId database, long statementTimeoutNanos,
    long workCleanupTimeoutNanos, UnscheduledDelete unscheduledDelete, SourceDelete sourceDelete,
    ErrorReporting errorReporting, QuotaKeeping quota, WorkersClock workersClock, UnreserveAttachments unreserve) {

  public ApiOptions(ApiTransition transition, NodeId database, long statementTimeoutNanos,
      long workCleanupTimeoutNanos, UnscheduledDelete unscheduledDelete) {
    this(transition, database, statementTimeoutNanos, workCleanupTimeoutNanos, unscheduledDelete, SourceDelete.QUEUE,
        ErrorReporting.GENERIC, QuotaKeeping.OFF, WorkersClock.WRITER, UnreserveAttachments.ATTACHED);
  }
}

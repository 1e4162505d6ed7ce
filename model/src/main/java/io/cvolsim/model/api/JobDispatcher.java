package io.cvolsim.model.api;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.rpc.CleanupResponse;
import io.cvolsim.model.rpc.VolumeRpc;
import io.cvolsim.model.workers.CleanupRequest;

/**
 * The API's rpcapi layer: where accepted work goes (the scheduler and c-vol queues in a full
 * deployment, the named stand-in in the first slice), including the workers rows Cinder's rpcapi
 * creates before casting.
 */
public interface JobDispatcher {
  /** Hands the job on; completes when it is cast (fire and forget beyond that). */
  SimFuture<Void> dispatch(VolumeJob job, Row volume);

  /** {@code POST /workers/cleanup}: a call to a scheduler's work_cleanup. */
  SimFuture<CleanupResponse> workCleanup(CleanupRequest request);

  /**
   * An RPC call to the c-vol that serves the volume (the attachments API waits on c-vol); fails
   * when c-vol's handler fails or no answer comes in time. Only a full deployment has one.
   */
  default SimFuture<Void> callVolume(VolumeRpc rpc, Row volume) {
    return SimFuture.failed(Failure.error("no volume service to call for " + rpc));
  }
}

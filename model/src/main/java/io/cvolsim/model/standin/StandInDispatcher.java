package io.cvolsim.model.standin;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.api.JobDispatcher;
import io.cvolsim.model.api.VolumeJob;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.rpc.CleanupResponse;
import io.cvolsim.model.workers.CleanupRequest;

/** The first slice's rpcapi: jobs go straight to the stand-in; there are no workers rows to clean. */
public final class StandInDispatcher implements JobDispatcher {
  private final NodeContext context;
  private final NodeId standIn;

  public StandInDispatcher(NodeContext context, NodeId standIn) {
    this.context = context;
    this.standIn = standIn;
  }

  @Override
  public SimFuture<Void> dispatch(VolumeJob job, Row volume) {
    context.send(standIn, job);
    return SimFuture.succeeded(null);
  }

  @Override
  public SimFuture<CleanupResponse> workCleanup(CleanupRequest request) {
    return SimFuture.failed(Failure.error("the stand-in deployment has no workers cleanup"));
  }
}

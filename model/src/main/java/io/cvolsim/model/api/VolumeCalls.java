package io.cvolsim.model.api;

import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.rpc.VolumeRpc;

/**
 * The attachments API's RPC calls to c-vol. After a call returns, the API's greenthread may wait
 * for eventlet to run it again; that wait is drawn only when a maximum is set (the harness sets
 * one for attachment_delete alone, whose window it widens), so runs without it draw as before.
 */
final class VolumeCalls {
  private final NodeContext context;
  private final JobDispatcher dispatcher;
  private final long returnDelayMaxNanos;

  VolumeCalls(NodeContext context, JobDispatcher dispatcher, long returnDelayMaxNanos) {
    this.context = context;
    this.dispatcher = dispatcher;
    this.returnDelayMaxNanos = returnDelayMaxNanos;
  }

  /** Calls c-vol and resumes after the greenthread's wait; fails as the call does. */
  SimFuture<Void> call(VolumeRpc rpc, Row volume) {
    SimFuture<Void> answered = dispatcher.callVolume(rpc, volume);
    if (returnDelayMaxNanos == 0) {
      return answered;
    }
    return answered.flatMap(ignored -> context.sleep("api.call-return",
        context.choices().durationNanos("api.call-return-delay", 0, returnDelayMaxNanos)).map(slept -> null));
  }
}

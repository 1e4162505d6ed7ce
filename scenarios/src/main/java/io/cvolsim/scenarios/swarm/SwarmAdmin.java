package io.cvolsim.scenarios.swarm;

import io.cvolsim.checker.history.HistoryRecorder;
import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.model.api.ApiResponse;
import io.cvolsim.model.api.VolumeRequest;
import io.cvolsim.model.rpc.CleanupResponse;
import io.cvolsim.scenarios.workload.VolumeOperation;
import io.cvolsim.scenarios.workload.CompletionRecorder;
import java.util.List;

/**
 * The swarm's operator: at each drawn time sends one admin request through an API node, as a
 * client would. Force-deletes and resets are recorded in the history (they change what clients
 * see, so the linearizability check must know them); a workers cleanup is not a volume operation.
 */
final class SwarmAdmin implements Node {
  /** History process ids of the operator, far from the clients' and the completion writers' (1 000 000 up). */
  private static final long FIRST_PROCESS = CompletionRecorder.FIRST_OPERATOR_PROCESS;
  private static final long REQUEST_TIMEOUT_NANOS = Durations.seconds(30);
  private final NodeContext context;
  private final List<NodeId> apiNodes;
  private final List<SwarmFault.AdminAction> actions;
  private final HistoryRecorder history;
  private long process = FIRST_PROCESS;

  SwarmAdmin(NodeContext context, List<NodeId> apiNodes, List<SwarmFault.AdminAction> actions,
      HistoryRecorder history) {
    this.context = context;
    this.apiNodes = List.copyOf(apiNodes);
    this.actions = List.copyOf(actions);
    this.history = history;
  }

  @Override
  public void start() {
    for (int i = 0; i < actions.size(); i++) {
      SwarmFault.AdminAction action = actions.get(i);
      NodeId api = apiNodes.get(i % apiNodes.size());
      context.setTimer("admin " + action.kind().optionValue(),
          Math.max(0, action.atNanos() - context.localTimeNanos()), () -> send(action, api));
    }
  }

  private void send(SwarmFault.AdminAction action, NodeId api) {
    context.probe(action.kind().probe());
    context.log(action.label());
    if (action.request() instanceof VolumeRequest request) {
      sendVolumeRequest(request, api);
    } else {
      context.call(api, action.request(), CleanupResponse.class, REQUEST_TIMEOUT_NANOS).whenComplete(outcome -> {
        if (outcome instanceof Outcome.Success<CleanupResponse> answer) {
          context.log("workers cleanup: cleaning " + answer.value().cleaning() + ", unavailable "
              + answer.value().unavailable());
        }
      });
    }
  }

  private void sendVolumeRequest(VolumeRequest request, NodeId api) {
    Object invocation = VolumeOperation.invocationValue(request);
    HistoryRecorder.Handle handle = history.invoke(process, request.operation(), invocation);
    // An unknown outcome may still take effect later: the next request is a new process.
    process++;
    context.call(api, request, ApiResponse.class, REQUEST_TIMEOUT_NANOS).whenComplete(outcome -> {
      if (!(outcome instanceof Outcome.Success<ApiResponse> success)) {
        handle.info(invocation);
        return;
      }
      switch (success.value().code()) {
        case ACCEPTED -> handle.ok(invocation);
        case REJECTED, NOT_FOUND, CONFLICT -> handle.fail(invocation);
        case ERROR -> handle.info(invocation);
      }
    });
  }

  @Override
  public void onMessage(Incoming incoming) {
    throw new IllegalStateException("the operator receives only answers: " + incoming.message());
  }
}

package io.cvolsim.scenarios.deployment;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.model.api.WorkersCleanupRequest;
import io.cvolsim.model.rpc.CleanupResponse;
import io.cvolsim.model.service.ServiceLog;
import java.util.List;

/**
 * The operator: at the given time asks an API node for {@code POST /workers/cleanup} and logs
 * what the API said was cleaned and what was unavailable; retries on a later API node if the
 * request fails, as an operator would. The answer goes to the service log for L2.
 */
final class AdminClient implements Node {
  private static final int ATTEMPTS_MAX = 3;
  private final NodeContext context;
  private final List<NodeId> apiNodes;
  private final long atNanos;
  private final WorkersCleanupRequest request;
  private final ServiceLog serviceLog;

  AdminClient(NodeContext context, List<NodeId> apiNodes, long atNanos, WorkersCleanupRequest request,
      ServiceLog serviceLog) {
    this.serviceLog = serviceLog;
    this.context = context;
    this.apiNodes = apiNodes;
    this.atNanos = atNanos;
    this.request = request;
  }

  @Override
  public void start() {
    context.setTimer("admin-cleanup", Math.max(0, atNanos - context.localTimeNanos()), () -> ask(0));
  }

  private void ask(int attempt) {
    NodeId api = apiNodes.get(attempt % apiNodes.size());
    context.call(api, request, CleanupResponse.class, Durations.seconds(60)).whenComplete(outcome -> {
      if (outcome instanceof Outcome.Success<CleanupResponse> answer) {
        context.probe("admin.workers-cleanup-requested");
        context.log("workers cleanup: cleaning " + answer.value().cleaning() + ", unavailable "
            + answer.value().unavailable());
        answer.value().cleaning().forEach(host -> serviceLog.cleanupOrdered(host, context.self().name()));
        answer.value().unavailable().forEach(host -> serviceLog.cleanupUnavailable(host, context.self().name()));
      } else if (attempt + 1 < ATTEMPTS_MAX) {
        context.setTimer("admin-retry", Durations.seconds(10), () -> ask(attempt + 1));
      } else {
        context.probe("admin.workers-cleanup-failed");
      }
    });
  }

  @Override
  public void onMessage(Incoming incoming) {
    throw new IllegalStateException("the admin receives only answers: " + incoming.message());
  }
}

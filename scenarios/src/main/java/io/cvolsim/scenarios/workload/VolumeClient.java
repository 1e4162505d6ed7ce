package io.cvolsim.scenarios.workload;

import io.cvolsim.checker.history.HistoryRecorder;
import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.Choices;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.api.ApiResponse;
import io.cvolsim.model.api.VolumeRequest;
import java.util.List;

/**
 * A client process: it thinks, draws a request, sends it to a drawn API node and records the
 * invocation and its outcome in the history. After an unknown outcome it continues as a new
 * process id, as Jepsen clients do, since the old operation may still take effect.
 */
public final class VolumeClient implements Node {
  private final NodeContext context;
  private final ClientOptions options;
  private final HistoryRecorder history;
  /** This client's draws, labelled with its name so that shrinking keeps clients apart. */
  private final Choices choices;
  private long process;

  public VolumeClient(NodeContext context, ClientOptions options, HistoryRecorder history) {
    this.context = context;
    this.options = options;
    this.history = history;
    this.choices = context.choices().labelledBy(context.self().name());
    this.process = options.firstProcessId();
  }

  @Override
  public void start() {
    thinkThenAct();
  }

  private void thinkThenAct() {
    long think = choices.durationNanos("client.think", 0, options.thinkTimeMaxNanos());
    if (context.localTimeNanos() + think >= options.stopIssuingAtNanos()) {
      return;
    }
    context.setTimer("think", think, this::act);
  }

  private void act() {
    VolumeRequest request = options.fullDeployment()
        ? OperationMix.drawForDeployment(choices, options.volumeIds(), options.adminResets())
        : OperationMix.draw(choices, options.volumeIds());
    NodeId api = choices.oneOf("client.api-node", options.apiNodes());
    if (options.novaAttachments() != null && NovaAttachments.replaces(request)) {
      options.novaAttachments().run(request, choices, next -> send(api, next))
          .whenComplete(done -> thinkThenAct());
      return;
    }
    send(api, request).whenComplete(answered -> thinkThenAct());
  }

  /** Sends one request and records it; answers the response, or null when none came. */
  private SimFuture<ApiResponse> send(NodeId api, VolumeRequest request) {
    HistoryRecorder.Handle handle = VolumeOperation.recordedInHistory(request)
        ? history.invoke(process, request.operation(), VolumeOperation.invocationValue(request)) : null;
    SimFuture<ApiResponse> answered = SimFuture.pending();
    context.call(api, request, ApiResponse.class, options.requestTimeoutNanos()).whenComplete(outcome -> {
      if (handle != null) {
        record(handle, request, outcome);
      }
      answered.complete(outcome instanceof Outcome.Success<ApiResponse> success ? success.value() : null);
    });
    return answered;
  }

  private void record(HistoryRecorder.Handle handle, VolumeRequest request, Outcome<ApiResponse> outcome) {
    Object invocation = VolumeOperation.invocationValue(request);
    if (!(outcome instanceof Outcome.Success<ApiResponse> success)) {
      handle.info(invocation);
      process += options.processIdStride();
      return;
    }
    ApiResponse response = success.value();
    if (request instanceof VolumeRequest.Show && response.code() != ApiResponse.Code.ERROR) {
      handle.ok(VolumeOperation.readValue(request.volumeId(), response));
      return;
    }
    switch (response.code()) {
      case ACCEPTED -> handle.ok(invocation);
      case REJECTED, NOT_FOUND, CONFLICT -> handle.fail(invocation);
      case ERROR -> {
        handle.info(invocation);
        process += options.processIdStride();
      }
    }
  }

  @Override
  public void onMessage(Incoming incoming) {
    throw new IllegalStateException("clients receive only answers: " + incoming.message());
  }

  /**
   * What a client needs to know; {@code novaAttachments} is null unless attaches go through the
   * attachments API, shared by the run's clients when they do.
   */
  public record ClientOptions(long firstProcessId, long processIdStride, List<NodeId> apiNodes,
      VolumeIds volumeIds, long thinkTimeMaxNanos, long requestTimeoutNanos, long stopIssuingAtNanos,
      boolean fullDeployment, boolean adminResets, NovaAttachments novaAttachments) {

    /** A client of the legacy attach API. */
    public ClientOptions(long firstProcessId, long processIdStride, List<NodeId> apiNodes, VolumeIds volumeIds,
        long thinkTimeMaxNanos, long requestTimeoutNanos, long stopIssuingAtNanos, boolean fullDeployment,
        boolean adminResets) {
      this(firstProcessId, processIdStride, apiNodes, volumeIds, thinkTimeMaxNanos, requestTimeoutNanos,
          stopIssuingAtNanos, fullDeployment, adminResets, null);
    }
  }
}

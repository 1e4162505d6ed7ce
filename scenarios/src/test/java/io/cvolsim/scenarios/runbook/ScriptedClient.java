package io.cvolsim.scenarios.runbook;

import static io.cvolsim.kernel.api.Durations.seconds;

import io.cvolsim.checker.history.HistoryRecorder;
import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Message;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.model.api.ApiResponse;
import io.cvolsim.model.api.VolumeRequest;
import io.cvolsim.model.api.WorkersCleanupRequest;
import io.cvolsim.model.rpc.CleanupResponse;
import io.cvolsim.scenarios.workload.VolumeOperation;
import java.util.function.LongSupplier;

/**
 * The runbook's user and operator: sends exactly the requests the script names, when it names
 * them, and keeps each answer in a {@link Reply}. Volume requests also go into the history, as
 * the random clients' do, so the property suite can judge a runbook's run.
 */
final class ScriptedClient implements Node {
  /** Longer than any work_cleanup or API request takes in a runbook, so no answer is lost to it. */
  private static final long REQUEST_TIMEOUT_NANOS = seconds(90);
  private final NodeContext context;
  private final HistoryRecorder history;
  private final LongSupplier trueClock;
  /** Each request is its own process: a script may send the next before the last is answered. */
  private long nextProcess = 1;

  ScriptedClient(NodeContext context, HistoryRecorder history, LongSupplier trueClock) {
    this.context = context;
    this.history = history;
    this.trueClock = trueClock;
  }

  /** What came back for one request: nothing yet, an answer, or a failure (timeout, error). */
  static final class Reply<T extends Message> {
    private final String what;
    private T answer;
    private String failure;
    private long answeredAtNanos = -1;

    Reply(String what) {
      this.what = what;
    }

    boolean isAnswered() {
      return answeredAtNanos >= 0;
    }

    /** The answer; fails the test when there is none. */
    T answer() {
      if (answer == null) {
        throw new AssertionError(what + ": no answer" + (failure == null ? " yet" : ", it failed: " + failure));
      }
      return answer;
    }

    long answeredAtNanos() {
      return answeredAtNanos;
    }

    private void settle(Outcome<T> outcome, long atNanos) {
      answeredAtNanos = atNanos;
      if (outcome instanceof Outcome.Success<T> success) {
        answer = success.value();
      } else {
        failure = String.valueOf(((Outcome.Failed<T>) outcome).failure());
      }
    }

    @Override
    public String toString() {
      return what + " -> " + (answer != null ? answer : failure);
    }
  }

  @Override
  public void start() {
    // Scripted: it does nothing until the script tells it to.
  }

  Reply<ApiResponse> send(NodeId api, VolumeRequest request) {
    Reply<ApiResponse> reply = new Reply<>(request + " via " + api);
    Object invocation = VolumeOperation.invocationValue(request);
    HistoryRecorder.Handle handle = VolumeOperation.recordedInHistory(request)
        ? history.invoke(nextProcess++, request.operation(), invocation) : null;
    context.call(api, request, ApiResponse.class, REQUEST_TIMEOUT_NANOS).whenComplete(outcome -> {
      reply.settle(outcome, trueClock.getAsLong());
      if (handle != null) {
        record(handle, invocation, outcome);
      }
    });
    return reply;
  }

  Reply<CleanupResponse> cleanup(NodeId api, WorkersCleanupRequest request) {
    Reply<CleanupResponse> reply = new Reply<>(request + " via " + api);
    context.call(api, request, CleanupResponse.class, REQUEST_TIMEOUT_NANOS)
        .whenComplete(outcome -> reply.settle(outcome, trueClock.getAsLong()));
    return reply;
  }

  private static void record(HistoryRecorder.Handle handle, Object invocation, Outcome<ApiResponse> outcome) {
    if (!(outcome instanceof Outcome.Success<ApiResponse> success)) {
      handle.info(invocation);
      return;
    }
    switch (success.value().code()) {
      case ACCEPTED -> handle.ok(invocation);
      case REJECTED, NOT_FOUND, CONFLICT -> handle.fail(invocation);
      case ERROR -> handle.info(invocation);
    }
  }

  @Override
  public void onMessage(Incoming incoming) {
    throw new IllegalStateException("the scripted client receives only answers: " + incoming.message());
  }
}

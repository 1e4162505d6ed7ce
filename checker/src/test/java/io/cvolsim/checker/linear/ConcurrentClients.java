package io.cvolsim.checker.linear;

import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.HistoryRecorder;
import io.cvolsim.checker.linear.SequentialObject.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulated clients calling a {@link SequentialObject} with random overlapping intervals, driven
 * by a seeded PRNG: each call is invoked, takes effect at one random later instant, and is then
 * completed. Some calls time out (info) before or after taking effect; one that timed out before
 * may still take effect later, or never. A client whose call timed out continues as a new
 * process. The recorded history is linearizable by construction.
 */
final class ConcurrentClients {
  private final SplittableRandom random;
  private final SequentialObject object;
  private final double timeoutRatio;
  private long clockNanos;
  private final HistoryRecorder recorder = new HistoryRecorder(() -> clockNanos);
  private final long[] processOfClient;
  private long nextProcess;
  private final List<Pending> pending = new ArrayList<>();
  /** Calls that timed out before taking effect and may still take effect. */
  private final List<Call> lateCalls = new ArrayList<>();
  private int invoked;

  private static final class Pending {
    int client;
    HistoryRecorder.Handle handle;
    Call call;
    boolean applied;
    Object result;
  }

  ConcurrentClients(long seed, SequentialObject object, int clients, double timeoutRatio) {
    this.random = new SplittableRandom(seed);
    this.object = object;
    this.timeoutRatio = timeoutRatio;
    this.processOfClient = new long[clients];
    for (int client = 0; client < clients; client++) {
      processOfClient[client] = nextProcess++;
    }
  }

  /** Issues {@code calls} more calls and runs until every call not timed out has completed. */
  ConcurrentClients run(int calls) {
    int target = invoked + calls;
    while (invoked < target || !pending.isEmpty()) {
      step(target);
    }
    return this;
  }

  History history() {
    return recorder.build();
  }

  SequentialObject object() {
    return object;
  }

  /** Records a call from a fresh process that takes effect at once and completes. */
  Object callAlone(Call call) {
    HistoryRecorder.Handle handle = recorder.invoke(nextProcess++, call.f(), call.input());
    clockNanos++;
    Object result = object.apply(call);
    complete(handle, result);
    return result;
  }

  /** Records a call from a fresh process, completed ok with a result chosen by the test. */
  void callAloneWithResult(Call call, Object claimedResult) {
    HistoryRecorder.Handle handle = recorder.invoke(nextProcess++, call.f(), call.input());
    clockNanos++;
    handle.ok(claimedResult);
    clockNanos++;
  }

  private void step(int target) {
    clockNanos += 1 + random.nextInt(10);
    int idle = idleClient();
    if (invoked < target && idle >= 0 && (pending.isEmpty() || random.nextInt(3) == 0)) {
      invoke(idle);
    } else if (!lateCalls.isEmpty() && random.nextInt(8) == 0) {
      object.apply(lateCalls.remove(random.nextInt(lateCalls.size())));
    } else if (!pending.isEmpty()) {
      advance(pending.get(random.nextInt(pending.size())));
    }
  }

  private void advance(Pending call) {
    boolean timesOut = object.mayTimeOut(call.call) && random.nextDouble() < timeoutRatio;
    if (timesOut) {
      call.handle.info(null);
      pending.remove(call);
      processOfClient[call.client] = nextProcess++;
      if (!call.applied && random.nextBoolean()) {
        lateCalls.add(call.call);
      }
    } else if (!call.applied) {
      call.result = object.apply(call.call);
      call.applied = true;
    } else {
      complete(call.handle, call.result);
      pending.remove(call);
    }
  }

  private void complete(HistoryRecorder.Handle handle, Object result) {
    if (result == SequentialObject.REFUSED) {
      handle.fail(null);
    } else {
      handle.ok(result);
    }
    clockNanos++;
  }

  private void invoke(int client) {
    Pending call = new Pending();
    call.client = client;
    call.call = object.randomCall(random);
    call.handle = recorder.invoke(processOfClient[client], call.call.f(), call.call.input());
    pending.add(call);
    invoked++;
  }

  private int idleClient() {
    int start = random.nextInt(processOfClient.length);
    for (int offset = 0; offset < processOfClient.length; offset++) {
      int client = (start + offset) % processOfClient.length;
      if (pending.stream().noneMatch(call -> call.client == client)) {
        return client;
      }
    }
    return -1;
  }
}

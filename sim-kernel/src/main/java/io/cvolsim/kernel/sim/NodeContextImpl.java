package io.cvolsim.kernel.sim;

import io.cvolsim.kernel.api.Choices;
import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Message;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.kernel.api.TimerHandle;

/** A node's view of the kernel for one incarnation; calls from a dead incarnation do nothing. */
final class NodeContextImpl implements NodeContext {
  private final Simulation simulation;
  private final NodeRuntime node;
  private final int incarnation;

  NodeContextImpl(Simulation simulation, NodeRuntime node) {
    this.simulation = simulation;
    this.node = node;
    this.incarnation = node.incarnation;
  }

  private boolean alive() {
    return node.incarnation == incarnation && node.state != NodeState.CRASHED;
  }

  @Override
  public NodeId self() {
    return node.id;
  }

  @Override
  public long localTimeNanos() {
    return node.clock.localTime(simulation.nowNanos());
  }

  @Override
  public long monotonicNanos() {
    return node.clock.monotonicTime(simulation.nowNanos());
  }

  @Override
  public int incarnation() {
    return incarnation;
  }

  @Override
  public Choices choices() {
    return simulation.choices();
  }

  @Override
  public TimerHandle setTimer(String label, long delayNanos, Runnable action) {
    if (delayNanos < 0) {
      throw new IllegalArgumentException("negative timer delay for " + label + ": " + delayNanos);
    }
    TimerImpl timer = new TimerImpl();
    if (!alive()) {
      timer.cancel();
      return timer;
    }
    long trueDelay = node.clock.trueDelay(delayNanos);
    simulation.scheduleTimer(node, incarnation, trueDelay, "timer", label, timer, action);
    return timer;
  }

  @Override
  public SimFuture<Void> sleep(String label, long delayNanos) {
    SimFuture<Void> future = SimFuture.pending();
    if (!alive()) {
      future.abandon(new Failure.Cancelled("node is not running"));
      return future;
    }
    node.sleeps.add(future);
    setTimer(label, delayNanos, () -> {
      node.sleeps.remove(future);
      future.complete(null);
    });
    return future;
  }

  @Override
  public void send(NodeId to, Message message) {
    if (alive()) {
      simulation.network().transmit(node.id, to,
          new Envelope(Envelope.Kind.SEND, message, 0, null, simulation.nowNanos()));
    }
  }

  @Override
  public <R extends Message> SimFuture<R> call(
      NodeId to, Message request, Class<R> responseType, long timeoutNanos) {
    SimFuture<Object> future = SimFuture.pending();
    if (!alive()) {
      future.abandon(new Failure.Cancelled("node is not running"));
      return cast(future);
    }
    long callId = simulation.nextCallId();
    TimerImpl timeout = new TimerImpl();
    node.pendingCalls.put(callId, new NodeRuntime.PendingCall(future, responseType, timeout));
    simulation.scheduleTimer(node, incarnation, node.clock.trueDelay(timeoutNanos), "timeout",
        "call#" + callId + " to " + to, timeout, () -> {
          if (node.pendingCalls.remove(callId) != null) {
            future.fail(new Failure.TimedOut("call#" + callId + " " + request, timeoutNanos));
          }
        });
    simulation.network().transmit(node.id, to,
        new Envelope(Envelope.Kind.REQUEST, request, callId, null, simulation.nowNanos()));
    return cast(future);
  }

  @SuppressWarnings("unchecked")
  private static <R> SimFuture<R> cast(SimFuture<Object> future) {
    return (SimFuture<R>) (SimFuture<?>) future;
  }

  @Override
  public void reply(Incoming request, Message response) {
    requireRequest(request);
    if (alive()) {
      simulation.network().transmit(node.id, request.from(),
          new Envelope(Envelope.Kind.RESPONSE, response, request.callId(), null, simulation.nowNanos()));
    }
  }

  @Override
  public void replyError(Incoming request, String reason) {
    requireRequest(request);
    if (alive()) {
      simulation.network().transmit(node.id, request.from(),
          new Envelope(Envelope.Kind.ERROR_RESPONSE, null, request.callId(), reason, simulation.nowNanos()));
    }
  }

  private static void requireRequest(Incoming request) {
    if (!request.expectsReply()) {
      throw new IllegalStateException("cannot reply to a one-way message: " + request.message());
    }
  }

  @Override
  public void log(String text) {
    if (alive()) {
      simulation.traceLine(node.id.name(), "log", text);
    }
  }

  @Override
  public void probe(String name) {
    if (alive()) {
      simulation.probes().hit(name);
    }
  }
}

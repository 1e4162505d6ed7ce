package io.cvolsim.kernel.sim;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeFactory;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.SimFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The kernel's bookkeeping for one node across its incarnations. */
final class NodeRuntime {
  /** A task that arrived while the node was paused, to run on resume. */
  record DeferredTask(String kind, String detail, Runnable action) {}

  /** A request awaiting its answer. */
  record PendingCall(SimFuture<Object> future, Class<?> responseType, TimerImpl timeout) {}

  final NodeId id;
  final NodeFactory factory;
  final NodeClock clock;
  NodeState state = NodeState.RUNNING;
  int incarnation;
  Node behavior;
  final List<DeferredTask> deferred = new ArrayList<>();
  final Map<Long, PendingCall> pendingCalls = new TreeMap<>();
  final List<SimFuture<?>> sleeps = new ArrayList<>();

  NodeRuntime(NodeId id, NodeFactory factory, long nowNanos) {
    this.id = id;
    this.factory = factory;
    this.clock = new NodeClock(nowNanos);
  }

  /** Ends the current incarnation: its futures fail without running callbacks. */
  void dropIncarnation(String reason) {
    incarnation++;
    behavior = null;
    deferred.clear();
    Failure cancelled = new Failure.Cancelled(reason);
    for (PendingCall call : pendingCalls.values()) {
      call.timeout().cancel();
      call.future().abandon(cancelled);
    }
    pendingCalls.clear();
    for (SimFuture<?> sleep : sleeps) {
      sleep.abandon(cancelled);
    }
    sleeps.clear();
  }
}

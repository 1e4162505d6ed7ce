package io.cvolsim.kernel.sim;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.NodeFactory;
import io.cvolsim.kernel.api.Message;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.choice.RecordingChoices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The kernel: one thread, virtual time in nanoseconds, an event queue ordered by (time,
 * sequence), nodes with a lifecycle, per-node clocks, the network, the trace and its fingerprint.
 * Every decision it makes comes from {@link RecordingChoices}, so a run is a function of its
 * draws.
 */
public final class Simulation {
  private final RecordingChoices choices;
  private final Trace trace;
  private final EventQueue queue = new EventQueue();
  private final Map<NodeId, NodeRuntime> nodes = new TreeMap<>();
  private final SimNetwork network;
  private final Probes probes = new Probes();
  private final long eventBudget;
  private long nowNanos;
  private long eventCount;
  private long nextCallId = 1;

  public Simulation(SimulationOptions options, RecordingChoices choices) {
    this.choices = choices;
    this.trace = new Trace(options.keepTraceLines());
    this.eventBudget = options.eventBudget();
    this.network = new SimNetwork(this, options.defaultLink());
  }

  public long nowNanos() {
    return nowNanos;
  }

  public RecordingChoices choices() {
    return choices;
  }

  public SimNetwork network() {
    return network;
  }

  public Trace trace() {
    return trace;
  }

  public Probes probes() {
    return probes;
  }

  public long eventCount() {
    return eventCount;
  }

  /** The run's fingerprint so far: the trace's hash sealed with the number of draws. */
  public long fingerprint() {
    return trace.fingerprint(choices.drawCount());
  }

  // ---- scheduling -------------------------------------------------------------------------

  /** Runs a world-level action (a fault, a client arrival) at an absolute true time. */
  public void scheduleAt(long atNanos, String label, Runnable action) {
    if (atNanos < nowNanos) {
      throw new IllegalArgumentException("cannot schedule " + label + " in the past: " + atNanos);
    }
    queue.add(atNanos, () -> {
      traceLine("world", "event", label);
      action.run();
    });
  }

  void scheduleAfter(long delayNanos, Runnable action) {
    queue.add(Math.addExact(nowNanos, delayNanos), action);
  }

  /** Runs {@code action} as node code later, subject to the node's lifecycle at that time. */
  void scheduleNodeTask(NodeRuntime node, int incarnation, long delayNanos, String kind,
      String detail, Runnable action) {
    scheduleAfter(delayNanos, () -> runNodeTask(node, incarnation, kind, detail, action));
  }

  /** A timer's task: once cancelled it vanishes without a trace line. */
  void scheduleTimer(NodeRuntime node, int incarnation, long delayNanos, String kind, String detail,
      TimerImpl timer, Runnable action) {
    scheduleAfter(delayNanos, () -> {
      if (timer.isActive()) {
        runNodeTask(node, incarnation, kind, detail, () -> {
          if (timer.fire()) {
            action.run();
          }
        });
      }
    });
  }

  private void runNodeTask(NodeRuntime node, int incarnation, String kind, String detail, Runnable action) {
    if (node.incarnation != incarnation || node.state == NodeState.CRASHED) {
      return;
    }
    if (node.state == NodeState.PAUSED) {
      node.deferred.add(new NodeRuntime.DeferredTask(kind, detail, action));
      return;
    }
    traceLine(node.id.name(), kind, detail);
    try {
      action.run();
    } catch (SimulationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SimulationException(
          "node " + node.id + " threw at t=" + nowNanos + "ns during " + kind + " " + detail + ": " + e, e);
    }
  }

  long nextCallId() {
    return nextCallId++;
  }

  // ---- running ----------------------------------------------------------------------------

  /** Runs the next event; returns false when there is none. */
  public boolean step() {
    if (queue.isEmpty()) {
      return false;
    }
    if (eventCount >= eventBudget) {
      throw new EventBudgetExceededException(eventBudget, nowNanos);
    }
    eventCount++;
    nowNanos = queue.peekTime();
    queue.poll().run();
    return true;
  }

  /** Runs every event up to and including {@code untilNanos}; time then reads {@code untilNanos}. */
  public void runUntil(long untilNanos) {
    while (!queue.isEmpty() && queue.peekTime() <= untilNanos) {
      step();
    }
    nowNanos = Math.max(nowNanos, untilNanos);
  }

  // ---- nodes ------------------------------------------------------------------------------

  /** Adds a node and starts it now. */
  public void addNode(NodeId id, NodeFactory factory) {
    if (nodes.containsKey(id)) {
      throw new IllegalArgumentException("duplicate node " + id);
    }
    NodeRuntime node = new NodeRuntime(id, factory, nowNanos);
    nodes.put(id, node);
    boot(node, "start");
  }

  private void boot(NodeRuntime node, String kind) {
    node.state = NodeState.RUNNING;
    node.behavior = node.factory.create(new NodeContextImpl(this, node));
    scheduleNodeTask(node, node.incarnation, 0, kind, "", () -> node.behavior.start());
  }

  public List<NodeId> nodeIds() {
    return new ArrayList<>(nodes.keySet());
  }

  public NodeState state(NodeId id) {
    return runtime(id).state;
  }

  /** Whether the node still waits for the answer to its call {@code callId}. */
  boolean isCallPending(NodeId id, long callId) {
    return runtime(id).pendingCalls.containsKey(callId);
  }

  /** How many times the node has been (re)started; the network uses it to tell a dead sender. */
  int incarnationOf(NodeId id) {
    return runtime(id).incarnation;
  }

  /** Kills the node: volatile state, timers and pending calls are gone. */
  public void crash(NodeId id) {
    NodeRuntime node = runtime(id);
    if (node.state == NodeState.CRASHED) {
      return;
    }
    node.state = NodeState.CRASHED;
    node.dropIncarnation("node " + id + " crashed");
    traceLine(id.name(), "crash", "");
  }

  /** Starts a crashed node again: its start-up code runs over whatever is durable. */
  public void restart(NodeId id) {
    NodeRuntime node = runtime(id);
    if (node.state != NodeState.CRASHED) {
      throw new IllegalStateException("cannot restart " + id + ": it is " + node.state);
    }
    boot(node, "restart");
  }

  /** Where {@link #signal} says a signal came from: the operator's shell, not a network peer. */
  public static final NodeId SIGNAL_SOURCE = NodeId.of("operator-signal");

  /**
   * Delivers {@code message} to the node now, outside the network, as an operating-system signal
   * (SIGTERM from systemctl stop) is: no latency, no loss, no partition. A crashed node ignores it;
   * a paused one gets it when resumed.
   */
  public void signal(NodeId id, Message message) {
    runtime(id);
    deliver(SIGNAL_SOURCE, id, new Envelope(Envelope.Kind.SEND, message, 0, null, nowNanos()));
  }

  /** Freezes the node: what arrives for it waits until {@link #resume}. */
  public void pause(NodeId id) {
    NodeRuntime node = runtime(id);
    if (node.state == NodeState.RUNNING) {
      node.state = NodeState.PAUSED;
      traceLine(id.name(), "pause", "");
    }
  }

  /** Unfreezes the node; what waited runs now, in arrival order. */
  public void resume(NodeId id) {
    NodeRuntime node = runtime(id);
    if (node.state != NodeState.PAUSED) {
      return;
    }
    node.state = NodeState.RUNNING;
    traceLine(id.name(), "resume", node.deferred.size() + " waiting");
    List<NodeRuntime.DeferredTask> waiting = new ArrayList<>(node.deferred);
    node.deferred.clear();
    for (NodeRuntime.DeferredTask task : waiting) {
      scheduleNodeTask(node, node.incarnation, 0, task.kind(), task.detail(), task.action());
    }
  }

  /** Sets the node's clock to read true time plus {@code offsetNanos} from now on. */
  public void setClockOffset(NodeId id, long offsetNanos) {
    runtime(id).clock.setOffset(nowNanos, offsetNanos);
    traceLine(id.name(), "clock-offset", offsetNanos + "ns");
  }

  public void setClockDrift(NodeId id, long driftPpm) {
    runtime(id).clock.setDrift(nowNanos, driftPpm);
    traceLine(id.name(), "clock-drift", driftPpm + "ppm");
  }

  /**
   * When, in true time, the node's monotonic clock read {@code monotonicNanos}: for logs that
   * date a node's own deadline (a lock holder giving up at the end of its lease), never for
   * decisions. A reading still to come is dated at the clock's drift now.
   */
  public long trueTimeOfMonotonic(NodeId id, long monotonicNanos) {
    return runtime(id).clock.trueTimeOfMonotonic(monotonicNanos);
  }

  /** What the node's own clock reads now. */
  public long localTimeNanos(NodeId id) {
    return runtime(id).clock.localTime(nowNanos);
  }

  private NodeRuntime runtime(NodeId id) {
    NodeRuntime node = nodes.get(id);
    if (node == null) {
      throw new IllegalArgumentException("no node " + id);
    }
    return node;
  }

  // ---- delivery ---------------------------------------------------------------------------

  void deliver(NodeId from, NodeId to, Envelope envelope) {
    NodeRuntime target = nodes.get(to);
    if (target == null) {
      throw new SimulationException("message to unknown node " + to + ": " + envelope.describe());
    }
    if (target.state == NodeState.CRASHED) {
      traceLine("network", "drop(crashed)", from + "->" + to + " " + envelope.describe());
      return;
    }
    String detail = "from " + from + " " + envelope.describe();
    switch (envelope.kind()) {
      case SEND, REQUEST -> runNodeTask(target, target.incarnation, "recv", detail, () ->
          target.behavior.onMessage(new Incoming(from, envelope.message(), envelope.callId(), envelope.sentAtNanos())));
      case RESPONSE, ERROR_RESPONSE -> runNodeTask(target, target.incarnation, "recv", detail, () ->
          completeCall(target, envelope));
    }
  }

  private void completeCall(NodeRuntime caller, Envelope envelope) {
    NodeRuntime.PendingCall call = caller.pendingCalls.remove(envelope.callId());
    if (call == null) {
      return; // a late answer after a timeout, or a duplicate: nobody waits for it
    }
    call.timeout().cancel();
    if (envelope.kind() == Envelope.Kind.ERROR_RESPONSE) {
      call.future().fail(Failure.error(envelope.errorReason()));
    } else if (!call.responseType().isInstance(envelope.message())) {
      call.future().fail(Failure.error("expected " + call.responseType().getSimpleName()
          + " but got " + envelope.message()));
    } else {
      call.future().complete(envelope.message());
    }
  }

  void traceLine(String source, String kind, String detail) {
    trace.record(nowNanos, source, kind, detail);
  }
}

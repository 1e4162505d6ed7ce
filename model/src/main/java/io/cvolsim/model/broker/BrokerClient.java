package io.cvolsim.model.broker;

import io.cvolsim.kernel.api.Failure;
import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Message;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.NodeId;
import io.cvolsim.kernel.api.Outcome;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.broker.BrokerMessage.Ack;
import io.cvolsim.model.broker.BrokerMessage.Cancel;
import io.cvolsim.model.broker.BrokerMessage.Close;
import io.cvolsim.model.broker.BrokerMessage.Connect;
import io.cvolsim.model.broker.BrokerMessage.Connected;
import io.cvolsim.model.broker.BrokerMessage.ConnectionClosed;
import io.cvolsim.model.broker.BrokerMessage.Deliver;
import io.cvolsim.model.broker.BrokerMessage.Heartbeat;
import io.cvolsim.model.broker.BrokerMessage.Publish;
import io.cvolsim.model.broker.BrokerMessage.Reject;
import io.cvolsim.model.broker.BrokerMessage.Reply;
import io.cvolsim.model.broker.BrokerMessage.ReplyFailure;
import io.cvolsim.model.broker.BrokerMessage.Subscribe;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node's oslo.messaging: publishing (cast, call, fan-out) and consuming (an RPC server per
 * topic). One client per node incarnation; a restarted node builds a new one and subscribes again
 * from its start-up code. The node passes every message it receives to {@link #onMessage} first.
 *
 * <p>A consumer opens one connection, beats on it every heartbeat interval, runs at most
 * {@code executorThreadPoolSize} handlers at once (the rest wait unacknowledged) and acknowledges
 * as {@link AckMode} says. When the connection is gone (the broker says so, or this node finds
 * after a freeze that it has been silent for longer than the heartbeat timeout) the client
 * reconnects and subscribes again, as oslo does after a connection error; handlers still running
 * from the old connection carry on, but can no longer acknowledge there.
 *
 * <p>Silence is measured on the node's own clock, which the kernel may skew: a forward clock jump
 * longer than the heartbeat timeout looks like a freeze (kombu would use a monotonic clock).
 */
public final class BrokerClient {
  private enum State { IDLE, CONNECTING, CONNECTED, STOPPING, CLOSED }

  private final NodeContext context;
  private final NodeId broker;
  private final BrokerOptions options;
  private final BrokerLog log;
  private final Map<String, MessageHandler> handlers = new TreeMap<>();
  /** Handlers running now, by a local dispatch number. */
  private final Map<Long, Deliver> inFlight = new TreeMap<>();
  private long lastDispatchNumber;
  private State state = State.IDLE;
  /** The open connection, or 0 while there is none. */
  private long connectionId;
  private final HeldDeliveries held = new HeldDeliveries();
  private boolean heartbeating;
  /** Numbers the frames that state this client's topics, in sending order. */
  private long lastTopicFrame;
  /** When this client last beat on its connection (own clock). */
  private long lastBeatMonotonicNanos;
  private SimFuture<GracefulStop> stop;
  /** after-success: how often each message failed here. */
  private final Map<Long, Integer> failuresByMessage = new TreeMap<>();
  private static final int FAILED_RETRIES_MAX = 5;
  private static final long FAILED_RETRY_PAUSE_NANOS = 5_000_000_000L;

  public BrokerClient(NodeContext context, NodeId broker, BrokerOptions options, BrokerLog log) {
    this.context = context;
    this.broker = broker;
    this.options = options;
    this.log = log;
  }

  // ---- publishing -------------------------------------------------------------------------

  /** Fire and forget to one consumer of the topic; lost if the broker is unreachable. */
  public void cast(String topic, Message payload) {
    context.send(broker, new Publish(topic, PublishKind.CAST, payload));
  }

  /** A copy to every current consumer of the topic. */
  public void fanout(String topic, Message payload) {
    context.send(broker, new Publish(topic, PublishKind.FANOUT, payload));
  }

  /**
   * A request to one consumer of the topic; fails with {@link Failure.TimedOut} when no result
   * comes back in time (nobody consumes the topic, the job was lost, or it is merely slow), and
   * with {@link Failure.Error} when the handler failed.
   */
  public <R extends Message> SimFuture<R> call(String topic, Message payload, Class<R> responseType,
      long timeoutNanos) {
    return context.call(broker, new Publish(topic, PublishKind.CALL, payload), responseType, timeoutNanos);
  }

  // ---- consuming --------------------------------------------------------------------------

  /** Starts consuming a topic (and its fan-out); connects first if needed. */
  public void subscribe(String topic, MessageHandler handler) {
    if (state == State.STOPPING || state == State.CLOSED) {
      throw new IllegalStateException("cannot subscribe to " + topic + " after stopConsuming");
    }
    if (handlers.putIfAbsent(topic, handler) != null) {
      throw new IllegalArgumentException("already subscribed to " + topic);
    }
    if (state == State.IDLE) {
      connect();
    } else if (state == State.CONNECTED) {
      context.send(broker, new Subscribe(connectionId, ++lastTopicFrame, topic));
    }
  }

  /** Handles a broker message; answers false for anything else, which the node handles itself. */
  public boolean onMessage(Incoming incoming) {
    Message message = incoming.message();
    if (!(message instanceof BrokerMessage) || !incoming.from().equals(broker)) {
      return false;
    }
    if (message instanceof Deliver deliver) {
      onDeliver(deliver);
    } else if (message instanceof ConnectionClosed closed) {
      onConnectionClosed(closed.connectionId());
    } else {
      throw new IllegalStateException("a client does not take " + message);
    }
    return true;
  }

  /** How many handlers are running now. */
  public int inFlightCount() {
    return inFlight.size();
  }

  /**
   * oslo.service's graceful stop on SIGTERM: cancel every subscription so no new work arrives,
   * wait for the handlers in flight and those already received up to the timeout, then close the connection (the broker
   * requeues whatever is still unacknowledged). Idempotent.
   */
  public SimFuture<GracefulStop> stopConsuming(long gracefulShutdownTimeoutNanos) {
    if (stop != null) {
      return stop;
    }
    stop = SimFuture.pending();
    if (state == State.CONNECTED) {
      handlers.keySet().forEach(topic -> context.send(broker, new Cancel(connectionId, ++lastTopicFrame, topic)));
    }
    state = State.STOPPING;
    if (inFlight.isEmpty()) {
      finishStop(GracefulStop.DRAINED);
    } else {
      context.setTimer("broker.graceful-shutdown", gracefulShutdownTimeoutNanos,
          () -> finishStop(GracefulStop.TIMED_OUT));
    }
    return stop;
  }

  private void finishStop(GracefulStop how) {
    if (stop.isDone()) {
      return;
    }
    if (how == GracefulStop.TIMED_OUT) {
      context.probe("broker.client.graceful-stop-timed-out");
    }
    if (connectionId != 0) {
      context.send(broker, new Close(connectionId));
    }
    connectionId = 0;
    state = State.CLOSED;
    stop.complete(how);
  }

  // ---- the connection ---------------------------------------------------------------------

  private void connect() {
    state = State.CONNECTING;
    context.call(broker, new Connect(), Connected.class, options.heartbeatIntervalNanos()).whenComplete(outcome -> {
      if (state != State.CONNECTING) {
        return; // stopped meanwhile; the broker times the unused connection out
      }
      if (outcome instanceof Outcome.Success<Connected> success) {
        connected(success.value().connectionId());
      } else {
        context.probe("broker.client.connect-failed");
        context.setTimer("broker.reconnect", options.reconnectIntervalNanos(), () -> {
          if (state == State.CONNECTING) {
            connect();
          }
        });
      }
    });
  }

  private void connected(long newConnectionId) {
    connectionId = newConnectionId;
    held.forget();
    state = State.CONNECTED;
    lastBeatMonotonicNanos = context.monotonicNanos();
    handlers.keySet().forEach(topic -> context.send(broker, new Subscribe(connectionId, ++lastTopicFrame, topic)));
    if (!heartbeating) {
      heartbeating = true;
      beatLater();
    }
  }

  /** One heartbeat per interval while the client lives; a paused node's timers wait, so it falls silent. */
  private void beatLater() {
    context.setTimer("broker.heartbeat", options.heartbeatIntervalNanos(), () -> {
      if (state == State.CLOSED) {
        heartbeating = false;
        return;
      }
      if (connectionId != 0 && brokenBySilence()) {
        connectionLost();
      } else if (connectionId != 0) {
        lastBeatMonotonicNanos = context.monotonicNanos();
        List<String> topics = state == State.CONNECTED ? List.copyOf(handlers.keySet()) : List.of();
        context.send(broker, new Heartbeat(connectionId, ++lastTopicFrame, topics,
            held.unacknowledgedTags()));
      }
      beatLater();
    });
  }

  private void onConnectionClosed(long closedId) {
    if (closedId == 0 || closedId != connectionId) {
      return; // an older connection, already replaced
    }
    connectionLost();
  }

  /**
   * True when this client has not beaten for longer than the heartbeat timeout (it was frozen):
   * the broker has surely closed the connection, and the client's own heartbeat check says so
   * as soon as it runs again, before anything else is read or acknowledged.
   */
  private boolean brokenBySilence() {
    return context.monotonicNanos() - lastBeatMonotonicNanos > options.heartbeatTimeoutNanos();
  }

  /** oslo reconnects and declares its consumers again; handlers of the old connection run on. */
  private void connectionLost() {
    context.probe("broker.client.connection-lost");
    connectionId = 0;
    held.forget();
    if (state == State.CONNECTED) {
      connect();
    }
  }

  // ---- dispatch ---------------------------------------------------------------------------

  private void onDeliver(Deliver deliver) {
    if (deliver.connectionId() != connectionId || connectionId == 0) {
      context.probe("broker.client.stale-delivery");
      return; // the broker already gave up this connection and requeued what it held
    }
    if (brokenBySilence()) {
      // oslo's RPC server cannot ack on the dead connection and skips the message unprocessed.
      connectionLost();
      return;
    }
    if (isDuplicate(deliver)) {
      return;
    }
    MessageHandler handler = handlers.get(deliver.topic());
    if (state == State.STOPPING || handler == null) {
      context.probe("broker.client.rejected-while-stopping");
      reject(deliver);
      return;
    }
    held.hold(deliver);
    if (inFlight.size() < options.executorThreadPoolSize()) {
      dispatch(deliver, handler);
    } else {
      context.probe("broker.client.all-workers-busy");
      held.waitForWorker(deliver);
    }
  }

  /** A delivery the broker sent again because it lost track of it: ack it again if it was acked. */
  private boolean isDuplicate(Deliver deliver) {
    if (held.wasAcknowledged(deliver.deliveryTag())) {
      context.probe("broker.client.ack-resent");
      context.send(broker, new Ack(deliver.connectionId(), deliver.deliveryTag(), deliver.messageId()));
      return true;
    }
    return held.holds(deliver.deliveryTag());
  }

  /**
   * Gives freed workers the deliveries that waited for them, oldest first; a graceful stop runs
   * them too, as oslo's executor finishes the work it has queued.
   */
  private void startWaiting() {
    boolean consuming = state == State.CONNECTED || state == State.STOPPING;
    while (consuming && inFlight.size() < options.executorThreadPoolSize()) {
      Deliver next = held.nextWaiting();
      if (next == null) {
        return;
      }
      dispatch(next, handlers.get(next.topic()));
    }
  }

  private void dispatch(Deliver deliver, MessageHandler handler) {
    long number = ++lastDispatchNumber;
    inFlight.put(number, deliver);
    log.record(BrokerEvent.DISPATCH_STARTED, deliver.messageId(), deliver.topic(), context.self(),
        deliver.connectionId(), deliver.redelivered() ? "redelivered" : "");
    if (options.ackMode() == AckMode.BEFORE_DISPATCH) {
      acknowledge(deliver);
    }
    SimFuture<? extends Message> result = handler.handle(new Dispatch(deliver.topic(), deliver.messageId(),
        deliver.kind(), deliver.payload(), deliver.redelivered()));
    result.whenComplete(outcome -> finished(number, deliver, outcome));
  }

  private void finished(long number, Deliver deliver, Outcome<? extends Message> outcome) {
    inFlight.remove(number);
    Failure failure = outcome.isSuccess() ? null : ((Outcome.Failed<?>) outcome).failure();
    log.record(failure == null ? BrokerEvent.DISPATCH_FINISHED : BrokerEvent.DISPATCH_FAILED,
        deliver.messageId(), deliver.topic(), context.self(), deliver.connectionId(),
        failure == null ? "" : failure.toString());
    if (deliver.kind() == PublishKind.CALL) {
      answer(deliver, outcome, failure);
    }
    if (options.ackMode() == AckMode.AFTER_COMPLETION) {
      acknowledge(deliver);
    } else if (options.ackMode() == AckMode.AFTER_SUCCESS) {
      settleBySuccess(deliver, failure);
    }
    startWaiting();
    if (state == State.STOPPING && inFlight.isEmpty()) {
      finishStop(GracefulStop.DRAINED);
    }
  }

  private void answer(Deliver deliver, Outcome<? extends Message> outcome, Failure failure) {
    if (failure != null) {
      context.send(broker, new ReplyFailure(deliver.messageId(), failure.toString()));
      return;
    }
    Message result = ((Outcome.Success<? extends Message>) outcome).value();
    if (result == null) {
      throw new IllegalStateException("the handler of call " + deliver.payload() + " answered nothing");
    }
    context.send(broker, new Reply(deliver.messageId(), result));
  }

  /**
   * after-success: ack a success; hand a failure back after a pause. A job whose handler raised
   * is given up after a few tries; one that timed out on an unreachable dependency (the database
   * cut off) is handed back for as long as it keeps timing out, since the job is not at fault and
   * dropping it would lose it (L1).
   */
  private void settleBySuccess(Deliver deliver, Failure failure) {
    if (failure == null || deliver.kind() != PublishKind.CAST) {
      acknowledge(deliver);
      return;
    }
    int failures = failuresByMessage.merge(deliver.messageId(), 1, Integer::sum);
    if (failures > FAILED_RETRIES_MAX && !(failure instanceof Failure.TimedOut)) {
      context.probe("broker.client.gave-up-on-failing-job");
      acknowledge(deliver);
      return;
    }
    context.probe("broker.client.failed-job-handed-back");
    // Back off 5, 10, 20, 40, 80 s, then every 80 s: long enough to ride out a partition that
    // outlasts a few tries.
    long pauseNanos = FAILED_RETRY_PAUSE_NANOS << (Math.min(failures, FAILED_RETRIES_MAX) - 1);
    context.setTimer("hand back " + deliver.messageId(), pauseNanos, () -> {
      if (deliver.connectionId() == connectionId) {
        // No longer held: if the reject is lost, the broker's repair sees a delivery the client
        // does not hold and sends it again, which is the retry this mode wants anyway.
        held.handedBack(deliver.deliveryTag());
        reject(deliver);
      }
    });
  }

  /** Hands a delivery back unprocessed; the broker requeues it. */
  private void reject(Deliver deliver) {
    context.send(broker, new Reject(deliver.connectionId(), deliver.deliveryTag(), deliver.messageId()));
  }

  /**
   * Acknowledges on the connection the message came on. On a connection this client already
   * knows is gone the ack cannot be sent; the broker has requeued the message.
   */
  private void acknowledge(Deliver deliver) {
    if (deliver.connectionId() != connectionId) {
      context.probe("broker.client.ack-on-lost-connection");
      return;
    }
    held.acknowledged(deliver.deliveryTag());
    context.send(broker, new Ack(deliver.connectionId(), deliver.deliveryTag(), deliver.messageId()));
  }
}

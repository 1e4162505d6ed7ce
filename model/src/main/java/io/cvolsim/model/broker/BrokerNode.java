package io.cvolsim.model.broker;

import io.cvolsim.kernel.api.Incoming;
import io.cvolsim.kernel.api.Message;
import io.cvolsim.kernel.api.Node;
import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.TimerHandle;
import io.cvolsim.model.broker.BrokerMessage.Ack;
import io.cvolsim.model.broker.BrokerMessage.Cancel;
import io.cvolsim.model.broker.BrokerMessage.Close;
import io.cvolsim.model.broker.BrokerMessage.Connect;
import io.cvolsim.model.broker.BrokerMessage.Connected;
import io.cvolsim.model.broker.BrokerMessage.ConnectionClosed;
import io.cvolsim.model.broker.BrokerMessage.Deliver;
import io.cvolsim.model.broker.BrokerMessage.Heartbeat;
import io.cvolsim.model.broker.BrokerMessage.OnConnection;
import io.cvolsim.model.broker.BrokerMessage.Publish;
import io.cvolsim.model.broker.BrokerMessage.Reject;
import io.cvolsim.model.broker.BrokerMessage.Reply;
import io.cvolsim.model.broker.BrokerMessage.ReplyFailure;
import io.cvolsim.model.broker.BrokerMessage.Subscribe;
import io.cvolsim.model.broker.BrokerMessage.TopicFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The message broker (RabbitMQ under oslo.messaging), one logical node. Topic queues with
 * competing consumers served round robin, fan-out copies, calls answered through the broker, and
 * AMQP heartbeats: a connection silent for longer than the heartbeat timeout is declared dead,
 * its unacknowledged messages are requeued and nothing more is delivered to it. A paused consumer
 * is therefore not noticed until its heartbeats have been missing for the whole timeout.
 *
 * <p>The simulated network may lose frames that TCP would have retransmitted. Each heartbeat
 * therefore carries the consumer's topics and the deliveries it still runs, and the broker
 * repairs the difference: a lost subscribe, cancel, delivery or ack is made good within about one
 * heartbeat interval while the connection lives. Publishes, replies and connection set-up are
 * not repaired: a cast lost on the way to the broker never existed, a lost reply times the
 * caller out.
 *
 * <p>Everything here is volatile: a broker crash loses every queue, connection and waiting call,
 * as non-durable queues do; clients notice on their next frame and reconnect.
 */
public final class BrokerNode implements Node {
  private final NodeContext context;
  private final BrokerOptions options;
  private final BrokerLog log;
  private final BrokerSequences sequences;
  private final Map<String, TopicQueue> queues = new TreeMap<>();
  private final Map<Long, ConsumerConnection> connections = new TreeMap<>();
  /** Calls whose result has not come back yet, by message id. */
  private final Map<Long, Incoming> waitingCallers = new TreeMap<>();
  private TimerHandle heartbeatCheck;

  public BrokerNode(NodeContext context, BrokerOptions options, BrokerLog log, BrokerSequences sequences) {
    this.context = context;
    this.options = options;
    this.log = log;
    this.sequences = sequences;
  }

  @Override
  public void start() {
    log.connectionEvent(BrokerEvent.BROKER_STARTED, context.self(), 0);
  }

  @Override
  public void onMessage(Incoming incoming) {
    Message message = incoming.message();
    if (message instanceof Connect) {
      open(incoming);
    } else if (message instanceof Publish publish) {
      publish(incoming, publish);
    } else if (message instanceof Reply reply) {
      answerCaller(reply.messageId(), reply.result(), null);
    } else if (message instanceof ReplyFailure failure) {
      answerCaller(failure.messageId(), null, failure.reason());
    } else if (message instanceof OnConnection frame) {
      onFrame(incoming, frame);
    } else {
      throw new IllegalStateException("the broker does not take " + message);
    }
  }

  // ---- connections and heartbeats ---------------------------------------------------------

  private void open(Incoming incoming) {
    ConsumerConnection connection = new ConsumerConnection(sequences.nextConnectionId(), incoming.from(),
        context.localTimeNanos());
    connections.put(connection.id(), connection);
    log.connectionEvent(BrokerEvent.CONNECTION_OPENED, incoming.from(), connection.id());
    context.reply(incoming, new Connected(connection.id()));
    if (heartbeatCheck == null) {
      heartbeatCheck = context.setTimer("broker.heartbeat-check", options.heartbeatIntervalNanos(),
          this::checkHeartbeats);
    }
  }

  /** Declares silent connections dead; runs while any connection is open. */
  private void checkHeartbeats() {
    long now = context.localTimeNanos();
    for (ConsumerConnection connection : new ArrayList<>(connections.values())) {
      if (connection.silentFor(options.heartbeatTimeoutNanos(), now)) {
        context.probe("broker.heartbeat-timeout");
        drop(connection, BrokerEvent.CONNECTION_DEAD);
      }
    }
    heartbeatCheck = connections.isEmpty() ? null
        : context.setTimer("broker.heartbeat-check", options.heartbeatIntervalNanos(), this::checkHeartbeats);
  }

  private void onFrame(Incoming incoming, OnConnection frame) {
    ConsumerConnection connection = connections.get(frame.connectionId());
    if (connection == null) {
      refuseFrame(incoming, frame);
      return;
    }
    connection.heard(context.localTimeNanos());
    if (frame instanceof TopicFrame topicFrame && !connection.isNewest(topicFrame.frameNumber())) {
      context.probe("broker.overtaken-topic-frame");
      if (frame instanceof Heartbeat heartbeat) {
        resendLost(connection, heartbeat);
      }
      return;
    }
    if (frame instanceof Subscribe subscribe) {
      subscribe(connection, subscribe.topic());
    } else if (frame instanceof Cancel cancel) {
      unsubscribe(connection, cancel.topic());
    } else if (frame instanceof Heartbeat heartbeat) {
      repair(connection, heartbeat);
    } else if (frame instanceof Ack ack) {
      acknowledge(connection, ack);
    } else if (frame instanceof Reject reject) {
      requeueOne(connection, connection.release(reject.deliveryTag()), "rejected");
    } else if (frame instanceof Close) {
      drop(connection, BrokerEvent.CONNECTION_CLOSED);
    }
  }

  /** A frame for a connection the broker declared dead or never had (a zombie, a restart). */
  private void refuseFrame(Incoming incoming, OnConnection frame) {
    context.probe("broker.frame-on-dead-connection");
    if (frame instanceof Ack ack) {
      log.record(BrokerEvent.LATE_FRAME, ack.messageId(), "", incoming.from(), ack.connectionId(), "ack");
    }
    if (!(frame instanceof Close)) {
      context.send(incoming.from(), new ConnectionClosed(frame.connectionId()));
    }
  }

  private void subscribe(ConsumerConnection connection, String topic) {
    connection.topics().add(topic);
    queue(topic).addConsumer(connection.id());
    deliverWaiting(queue(topic));
  }

  private void unsubscribe(ConsumerConnection connection, String topic) {
    connection.topics().remove(topic);
    queue(topic).removeConsumer(connection.id());
  }

  /**
   * Makes good what the network lost on a live connection, as TCP's retransmission would: a
   * subscribe or cancel that never arrived, and deliveries (or their acks) that went missing.
   */
  private void repair(ConsumerConnection connection, Heartbeat heartbeat) {
    for (String topic : new ArrayList<>(connection.topics())) {
      if (!heartbeat.topics().contains(topic)) {
        unsubscribe(connection, topic);
      }
    }
    for (String topic : heartbeat.topics()) {
      if (!connection.topics().contains(topic)) {
        context.probe("broker.subscription-repaired");
        subscribe(connection, topic);
      }
    }
    resendLost(connection, heartbeat);
  }

  /** Sends again the deliveries that are neither acknowledged nor held by the client. */
  private void resendLost(ConsumerConnection connection, Heartbeat heartbeat) {
    long now = context.localTimeNanos();
    for (ConsumerConnection.Held held : connection.lostInTransit(heartbeat.heldDeliveryTags(),
        options.heartbeatIntervalNanos(), now)) {
      context.probe("broker.delivery-resent");
      send(connection, held.deliveryTag(), held.message());
    }
  }

  /** The queue, declared on first use as oslo's consumers declare theirs. */
  private TopicQueue queue(String topic) {
    return queues.computeIfAbsent(topic, TopicQueue::new);
  }

  private void acknowledge(ConsumerConnection connection, Ack ack) {
    QueuedMessage message = connection.release(ack.deliveryTag());
    if (message == null) {
      context.probe("broker.unknown-delivery-tag");
      return;
    }
    log.record(BrokerEvent.ACKED, message.messageId(), message.topic(), connection.owner(), connection.id(), "");
    deliverWaiting(queue(message.topic()));
  }

  /** Forgets a connection: its unacked messages go back to their queues, its fan-out copies die. */
  private void drop(ConsumerConnection connection, BrokerEvent why) {
    connections.remove(connection.id());
    log.connectionEvent(why, connection.owner(), connection.id());
    for (String topic : connection.topics()) {
      queue(topic).removeConsumer(connection.id());
    }
    for (QueuedMessage message : connection.releaseAll()) {
      requeueOne(connection, message, why == BrokerEvent.CONNECTION_DEAD ? "connection dead" : "closed");
    }
  }

  private void requeueOne(ConsumerConnection connection, QueuedMessage message, String why) {
    if (message == null) {
      return;
    }
    if (message.kind() == PublishKind.FANOUT) {
      log.record(BrokerEvent.DISCARDED, message.messageId(), message.topic(), connection.owner(),
          connection.id(), why);
      return;
    }
    context.probe("broker.requeued-unacked");
    log.record(BrokerEvent.REQUEUED, message.messageId(), message.topic(), connection.owner(), connection.id(), why);
    TopicQueue queue = queue(message.topic());
    queue.enqueue(message.requeued());
    deliverWaiting(queue);
  }

  // ---- publishing and delivery ------------------------------------------------------------

  private void publish(Incoming incoming, Publish publish) {
    TopicQueue queue = queues.get(publish.topic());
    if (publish.kind() == PublishKind.FANOUT) {
      fanOut(incoming, publish, queue == null ? List.of() : queue.consumers());
      return;
    }
    long messageId = sequences.nextMessageId();
    if (queue == null) {
      unroutable(incoming, publish, messageId);
      return;
    }
    log.published(messageId, publish.topic(), incoming.from(), kindText(publish.kind()), publish.payload());
    if (publish.kind() == PublishKind.CALL) {
      waitingCallers.put(messageId, incoming);
    }
    queue.enqueue(new QueuedMessage(messageId, publish.topic(), publish.kind(), publish.payload(), false));
    deliverWaiting(queue);
  }

  /** Nobody declared the topic: RabbitMQ's exchange drops the message; a caller will time out. */
  private void unroutable(Incoming incoming, Publish publish, long messageId) {
    context.probe("broker.unroutable");
    log.record(BrokerEvent.UNROUTABLE, messageId, publish.topic(), incoming.from(), 0, kindText(publish.kind()));
  }

  /** One copy per consumer, each on the consumer's own queue: it is never handed to another. */
  private void fanOut(Incoming incoming, Publish publish, List<Long> consumers) {
    if (consumers.isEmpty()) {
      unroutable(incoming, publish, sequences.nextMessageId());
      return;
    }
    for (long connectionId : consumers) {
      long messageId = sequences.nextMessageId();
      log.published(messageId, publish.topic(), incoming.from(), "fanout", publish.payload());
      deliver(connections.get(connectionId),
          new QueuedMessage(messageId, publish.topic(), PublishKind.FANOUT, publish.payload(), false));
    }
  }

  /** Hands waiting messages to consumers round robin while any consumer may take one. */
  private void deliverWaiting(TopicQueue queue) {
    int budget = queue.waitingCount();
    while (queue.hasWaiting() && budget-- > 0) {
      long consumer = queue.nextConsumer(id -> mayTake(id, queue.topic()));
      if (consumer == 0) {
        return;
      }
      deliver(connections.get(consumer), queue.takeOldest());
    }
  }

  private boolean mayTake(long connectionId, String topic) {
    ConsumerConnection connection = connections.get(connectionId);
    return connection != null && options.prefetchAllows(connection.unackedOn(topic));
  }

  private void deliver(ConsumerConnection connection, QueuedMessage message) {
    long tag = connection.hold(message, context.localTimeNanos());
    if (message.redelivered()) {
      context.probe("broker.redelivered");
    }
    log.record(BrokerEvent.DELIVERED, message.messageId(), message.topic(), connection.owner(), connection.id(),
        message.redelivered() ? "redelivered" : "");
    send(connection, tag, message);
  }

  private void send(ConsumerConnection connection, long deliveryTag, QueuedMessage message) {
    context.send(connection.owner(), new Deliver(connection.id(), deliveryTag, message.messageId(),
        message.topic(), message.kind(), message.payload(), message.redelivered()));
  }

  /** Passes a call's result to its caller, once; later results (a redelivered call) are dropped. */
  private void answerCaller(long messageId, Message result, String failureReason) {
    Incoming caller = waitingCallers.remove(messageId);
    if (caller == null) {
      context.probe("broker.reply-without-caller");
      return;
    }
    log.record(BrokerEvent.REPLIED, messageId, "", caller.from(), 0, failureReason == null ? "" : failureReason);
    if (failureReason == null) {
      context.reply(caller, result);
    } else {
      context.replyError(caller, failureReason);
    }
  }

  private static String kindText(PublishKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}

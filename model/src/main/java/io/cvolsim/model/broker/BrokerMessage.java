package io.cvolsim.model.broker;

import io.cvolsim.kernel.api.Message;
import java.util.List;

/**
 * What crosses the network between the broker and its clients: AMQP's frames reduced to what
 * the A/A protocol depends on.
 */
public sealed interface BrokerMessage extends Message {

  /** A frame on an open consumer connection; any of them proves the connection is alive. */
  sealed interface OnConnection extends BrokerMessage {
    long connectionId();
  }

  /**
   * A frame that states which topics the client consumes. It is numbered in sending order, so the
   * broker can ignore one the network overtook with a newer one (TCP would keep them in order).
   */
  sealed interface TopicFrame extends OnConnection {
    long frameNumber();
  }

  // ---- client to broker -------------------------------------------------------------------

  /** Opens a consumer connection; answered with {@link Connected}. */
  record Connect() implements BrokerMessage {}

  /** {@code basic.consume}: take messages from this topic (and its fan-out). */
  record Subscribe(long connectionId, long frameNumber, String topic) implements TopicFrame {}

  /** {@code basic.cancel}: stop taking messages from this topic; unacked ones stay held. */
  record Cancel(long connectionId, long frameNumber, String topic) implements TopicFrame {}

  /**
   * The periodic beat. It also carries what the client holds, so that frames the network lost
   * are repaired as TCP would retransmit them: the topics it consumes (a lost subscribe or cancel
   * is reconciled) and the delivery tags it is still running unacknowledged (a delivery that is
   * neither acknowledged nor held was lost on the way, or its ack was, and is sent again).
   */
  record Heartbeat(long connectionId, long frameNumber, List<String> topics, List<Long> heldDeliveryTags)
      implements TopicFrame {
    public Heartbeat {
      topics = List.copyOf(topics);
      heldDeliveryTags = List.copyOf(heldDeliveryTags);
    }
  }

  /** {@code basic.ack}; the message id only labels the log. */
  record Ack(long connectionId, long deliveryTag, long messageId) implements OnConnection {}

  /** {@code basic.reject} with requeue: a stopping consumer hands back what it will not run. */
  record Reject(long connectionId, long deliveryTag, long messageId) implements OnConnection {}

  /** Closes the connection; whatever is still unacked is requeued. */
  record Close(long connectionId) implements OnConnection {}

  /** A cast or fan-out (sent one-way) or a call (sent as a request awaiting the result). */
  record Publish(String topic, PublishKind kind, Message payload) implements BrokerMessage {}

  /** A call's result, sent to the broker for the waiting caller. */
  record Reply(long messageId, Message result) implements BrokerMessage {}

  /** A call whose handler failed; the caller's future fails with this reason. */
  record ReplyFailure(long messageId, String reason) implements BrokerMessage {}

  // ---- broker to client -------------------------------------------------------------------

  record Connected(long connectionId) implements BrokerMessage {}

  /** One message handed to one consumer; {@code redelivered} as AMQP sets it after a requeue. */
  record Deliver(long connectionId, long deliveryTag, long messageId, String topic, PublishKind kind,
      Message payload, boolean redelivered) implements BrokerMessage {}

  /** The broker no longer knows this connection (declared dead, or the broker restarted). */
  record ConnectionClosed(long connectionId) implements BrokerMessage {}
}

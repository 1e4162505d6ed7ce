package io.cvolsim.model.broker;

/**
 * Message and connection numbers that stay unique across broker restarts, so the log never
 * confuses two messages. Durable in the model only as labels: the queues themselves are
 * volatile (Cinder declares them non-durable, {@code amqp_durable_queues=False}) and vanish with
 * a broker crash.
 */
public final class BrokerSequences {
  private long lastMessageId;
  private long lastConnectionId;

  long nextMessageId() {
    return ++lastMessageId;
  }

  long nextConnectionId() {
    return ++lastConnectionId;
  }
}

package io.cvolsim.model.broker;

import io.cvolsim.kernel.api.Message;

/** A message the broker holds, queued or delivered and awaiting its ack. */
record QueuedMessage(long messageId, String topic, PublishKind kind, Message payload,
    boolean redelivered) {

  /** The same message put back after a delivery that was never acknowledged. */
  QueuedMessage requeued() {
    return new QueuedMessage(messageId, topic, kind, payload, true);
  }
}

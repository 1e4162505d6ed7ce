package io.cvolsim.model.broker;

/** What a {@link BrokerLogEntry} records. */
public enum BrokerEvent {
  /** The broker accepted a message into a queue (a fan-out logs one per consumer copy). */
  PUBLISHED,
  /** No queue was bound to the topic, so the exchange dropped the message. */
  UNROUTABLE,
  /** Sent to one consumer; the detail says whether it was a redelivery. */
  DELIVERED,
  ACKED,
  /** Put back at its original place in the queue (dead connection, reject, close). */
  REQUEUED,
  /** A fan-out copy held by a dead consumer: its exclusive queue went with it. */
  DISCARDED,
  /** An ack or reply that arrived for a connection the broker no longer knows. */
  LATE_FRAME,
  /** The broker answered a waiting caller. */
  REPLIED,
  /** The consumer library began running a handler for a message. */
  DISPATCH_STARTED,
  /** The handler's future succeeded. */
  DISPATCH_FINISHED,
  /** The handler's future failed; the message was still processed. */
  DISPATCH_FAILED,
  CONNECTION_OPENED,
  /** Silent for longer than the heartbeat timeout. */
  CONNECTION_DEAD,
  /** Closed by the client. */
  CONNECTION_CLOSED,
  /** The broker (re)started with empty queues. */
  BROKER_STARTED
}

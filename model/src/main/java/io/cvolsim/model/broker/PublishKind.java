package io.cvolsim.model.broker;

/** How a message published to a topic is routed. */
public enum PublishKind {
  /** Fire and forget, to one consumer of the topic (round robin). */
  CAST,
  /** A request to one consumer, whose result goes back to the waiting caller. */
  CALL,
  /** A copy to every consumer of the topic (capability reports, {@code failover_completed}). */
  FANOUT
}

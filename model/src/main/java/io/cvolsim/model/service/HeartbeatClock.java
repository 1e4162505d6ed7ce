package io.cvolsim.model.service;

/** Whose clock stamps a heartbeat's {@code updated_at}. */
public enum HeartbeatClock {
  /** The reporting node's {@code utcnow()} through the ORM: Cinder today (reference §4.4). */
  WRITER,
  /** The database server's {@code NOW()}: what judging liveness by the database's clock (V17) needs. */
  DATABASE
}

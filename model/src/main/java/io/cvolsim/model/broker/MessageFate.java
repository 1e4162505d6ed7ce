package io.cvolsim.model.broker;

/** What became of one message by the end of a run, judged from the broker log alone. */
public enum MessageFate {
  /** A handler finished it (successfully or not) at least once. */
  DONE,
  /** A handler on a connection the broker still considers alive is running it. */
  IN_FLIGHT,
  /** Still with the broker: queued, or delivered and not yet acknowledged. */
  UNDELIVERED,
  /** Acknowledged, and every consumer that started it died before finishing: the job is gone. */
  LOST,
  /** Queued or unacknowledged when the broker restarted with empty queues. */
  LOST_WITH_BROKER,
  /** Published to a topic nobody had declared, so it was dropped at once. */
  UNROUTABLE,
  /** A fan-out copy whose consumer died before finishing it. */
  DISCARDED
}

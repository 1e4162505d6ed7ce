package io.cvolsim.model.service;

/** What a {@link Heartbeat} tells the harness's log; it never changes what the loop does. */
public interface HeartbeatObserver {
  void started();

  /** A beat is being sent: its write reaches the database no earlier than now. */
  default void sending() {}

  /** The database applied a beat. */
  void acknowledged();

  /** A beat was due while the manager was not working, so none was sent. */
  void skipped();
}

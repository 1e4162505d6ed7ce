package io.cvolsim.model.broker;

/** How a graceful stop of a consumer ended (oslo.service on SIGTERM, reference §4.2). */
public enum GracefulStop {
  /** Every handler in flight finished within the timeout. */
  DRAINED,
  /**
   * The timeout passed with handlers still running. oslo.service then kills them: the caller is
   * expected to end the process, and any job already acknowledged is lost.
   */
  TIMED_OUT
}

package io.cvolsim.model.broker;

/**
 * When a consumer acknowledges a message to the broker (variant V18, reference §1 and §4.2).
 * The acknowledgement decides what a consumer's death costs: an unacknowledged message is
 * requeued when the broker declares the consumer's connection dead, an acknowledged one is gone.
 */
public enum AckMode {
  /**
   * oslo.messaging's RPC server: acknowledge on receipt, then dispatch [code
   * oslo_messaging/rpc/server.py]. Delivery is at most once: a crash after the ack loses the job.
   */
  BEFORE_DISPATCH("before-dispatch"),
  /**
   * Acknowledge only when the handler's future completes. Delivery is at least once: a job whose
   * consumer died or froze is redelivered, possibly to another consumer, and may run twice.
   */
  AFTER_COMPLETION("after-completion"),
  /**
   * Acknowledge only when the handler succeeded; a failed job is handed back to the broker after
   * a pause, a bounded number of times per consumer, so a job that failed for a transient reason
   * (the database out of reach while claiming its workers row) runs again instead of being
   * dropped. Not in oslo.messaging; a hardening this harness proposes.
   */
  AFTER_SUCCESS("after-success");

  private final String optionValue;

  AckMode(String optionValue) {
    this.optionValue = optionValue;
  }

  /** The value as written after {@code --set broker.ack_mode=}. */
  public String optionValue() {
    return optionValue;
  }
}

package io.cvolsim.model.service;

/** How {@code report_state} reacts to a database error (variants V15, V16; reference §4.4). */
public enum HeartbeatMode {
  /** Log, set model_disconnected and try again at the next interval: Cinder since 2023. */
  FAIL_FAST("fail-fast"),
  /** Retry the update with exponential back-off before the next beat: Cinder before 2023 (bug #2018595). */
  RETRY_BACKOFF("retry-backoff"),
  /** The first error ends the heartbeat for good: Cinder before 2015 (bug #1478971). */
  DIES_ON_ERROR("dies-on-error");

  private final String optionValue;

  HeartbeatMode(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }
}

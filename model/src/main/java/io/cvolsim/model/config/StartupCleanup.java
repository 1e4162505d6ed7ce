package io.cvolsim.model.config;

/** What a c-vol cleans when it starts (variant V6, reference §5.1, §5.4). */
public enum StartupCleanup {
  /** Its own workers rows, by service id (do_cleanup): Cinder since the A/A work. */
  WORKERS("workers"),
  /**
   * Every creating or deleting volume whose {@code host} is its own, as before A/A: in a cluster
   * it resets work that peers are running (with a shared host) and misses work it took over.
   */
  HOST("host");

  private final String optionValue;

  StartupCleanup(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }
}

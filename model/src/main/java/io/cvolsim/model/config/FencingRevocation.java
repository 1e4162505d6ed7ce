package io.cvolsim.model.config;

/** What a storage-fencing revocation names (found by this harness; fencing=storage only). */
public enum FencingRevocation {
  /**
   * The host: a revocation decided on an old read of the services table that reaches the array
   * after the node restarted shuts its new process out too, until it restarts again.
   */
  HOST("host"),
  /**
   * The incarnation judged down: each c-vol re-admits itself at start naming its incarnation and
   * writes it in its heartbeats; the array refuses a revocation older than the incarnation it
   * admitted, and the cleanup it guarded is withheld.
   */
  INCARNATION("incarnation");

  private final String optionValue;

  FencingRevocation(String optionValue) {
    this.optionValue = optionValue;
  }

  public String optionValue() {
    return optionValue;
  }
}

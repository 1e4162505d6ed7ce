package io.cvolsim.model.storage;

/**
 * Whether the array lets two callers change one object at once. A driver call can outlive the
 * caller's timeout: the caller reports failure and releases its lock, while the array still
 * queues or runs the call, beside the next lock holder's call on the same object. Token fencing
 * cannot refuse it when it arrives first or carries no token (extend, attach and detach have
 * none); refusing a second caller while another's change of the object runs can (found by this
 * harness, S1: hardened swarm seeds 1453 and 1521 before split-services).
 */
public enum ConcurrentMutations {
  /** Every call runs; overlaps are what S1 looks for. */
  ALLOW("allow"),
  /**
   * A change of an object is refused ("busy") while another caller's change of it runs (exports
   * may overlap), and so is a delete or resize of an object another caller's copy reads.
   */
  REFUSE("refuse");

  private final String optionValue;

  ConcurrentMutations(String optionValue) {
    this.optionValue = optionValue;
  }

  /** The value as written after {@code --set storage.concurrent_mutations=}. */
  public String optionValue() {
    return optionValue;
  }
}

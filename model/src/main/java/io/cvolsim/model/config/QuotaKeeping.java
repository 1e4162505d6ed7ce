package io.cvolsim.model.config;

/**
 * Whether and how the project's volume quota usage is kept (reference §8 S13). Cinder reserves,
 * writes the volume row and commits in three transactions, and destroys a row before it commits the
 * release, so a node lost in between leaves the usage wrong until a reservation expires or an
 * admin syncs it. {@link #ATOMIC} is this project's proposal, not one of the reference's V1–V21:
 * the usage changes in the transaction that inserts or destroys the row.
 */
public enum QuotaKeeping {
  /** Nothing is written; runs without quotas send exactly what they did before. */
  OFF,
  /** Cinder today: reserve, then the row, then commit or roll back; destroy, then release. */
  SEPARATE,
  /** The usage changes with the row, in one transaction, or not at all. */
  ATOMIC;

  public boolean tracking() {
    return this != OFF;
  }
}

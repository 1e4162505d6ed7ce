package io.cvolsim.model.dlm;

/**
 * Where {@link LockCoordinator} keeps its locks (variant V12, reference §7.4 and §7.5): the Tooz
 * backend named by {@code [coordination] backend_url}, or the workers-table locks that the
 * ha-aa-manager_locks spec proposed and nobody implemented.
 */
public enum CoordinationBackend {
  /** Tooz's default {@code file://}: node-local fcntl locks, no exclusion between nodes. */
  FILE("file", false),
  /** Tooz etcd3gw: a key created if absent, bound to a lease the holder's heartbeat refreshes. */
  ETCD("etcd", true),
  /** Tooz over kazoo: an ephemeral sequential node bound to the client's ZooKeeper session. */
  ZOOKEEPER("zookeeper", true),
  /** NOT IMPLEMENTED in Cinder (spec ha-aa-manager_locks): a row in {@code workers}, no expiry. */
  WORKERS_TABLE("workers-table", false);

  /** The {@code --set} key that selects the backend. */
  public static final String OPTION_KEY = "coordination.backend";

  private final String optionValue;
  private final boolean leaseBased;

  CoordinationBackend(String optionValue, boolean leaseBased) {
    this.optionValue = optionValue;
    this.leaseBased = leaseBased;
  }

  /** The value as written after {@code --set coordination.backend=}. */
  public String optionValue() {
    return optionValue;
  }

  /** Whether a holder's lock expires at a server when the holder goes quiet (etcd, ZooKeeper). */
  public boolean leaseBased() {
    return leaseBased;
  }

  /**
   * Whether the operating system frees the lock when the holding process dies. Only file locks
   * do; the harness then calls {@link LockLog#recordProcessDeath} so the log shows it.
   */
  public boolean freedAtProcessDeath() {
    return this == FILE;
  }

  /** Parses an option value; the message lists the accepted ones. */
  public static CoordinationBackend fromOptionValue(String value) {
    return OptionValues.parse(OPTION_KEY, value, values(), CoordinationBackend::optionValue);
  }
}

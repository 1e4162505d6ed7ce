package io.cvolsim.model.dlm;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.NodeId;
import java.util.List;
import java.util.Objects;

/**
 * How a node's {@link LockCoordinator} behaves. Build it with {@link #defaults} and adjust with
 * the {@code with...} methods; every duration is nanoseconds of the client node's own clock
 * (lease expiry is timed by the server's clock).
 *
 * @param backend where locks live (V12)
 * @param lockOrder how several locks are taken at once (V20)
 * @param leaseNanos {@code coordination.lease} (V13): the etcd lock lease ({@code lock_timeout},
 *     Tooz default 30 s) or the ZooKeeper session timeout (kazoo default 10 s); unused by the
 *     file and workers-table backends, which never expire
 * @param membershipTimeoutNanos Tooz etcd {@code membership_timeout} (30 s); with the lease it
 *     sets the heartbeat period, half of the smaller of the two
 * @param retryIntervalNanos how long a blocked acquire waits before trying again: Tooz's retry
 *     waits 1 s (exponential capped at 1 s) for etcd; the workers-table spec polls "a small
 *     timeout"; for ZooKeeper it stands in for kazoo's watch on the predecessor node; file
 *     locks poll as fasteners does (at most 100 ms)
 * @param requestTimeoutNanos how long one request to the server or database may take before
 *     the client gives up on it (etcd3gw's {@code timeout}, 30 s)
 * @param coordinationServer the etcd or ZooKeeper server node
 * @param database the database node, for workers-table locks
 * @param releaseFailure what an etcd lock whose release was lost becomes
 * @param holder whether a holder gives a lock up when its lease could have run out
 * @param holderClockErrorPpm for a lease-aware holder, how much slower than the server's its own
 *     clock may run, in parts per million: it gives a lock up that share of the lease early
 */
public record DlmOptions(CoordinationBackend backend, LockOrder lockOrder, long leaseNanos,
    long membershipTimeoutNanos, long retryIntervalNanos, long requestTimeoutNanos,
    NodeId coordinationServer, NodeId database, ReleaseFailure releaseFailure, LockHolder holder,
    long holderClockErrorPpm) {

  private static final long PPM = 1_000_000L;

  /** The {@code --set} key of {@link #leaseNanos}. */
  public static final String LEASE_OPTION_KEY = "coordination.lease";
  /** Every {@code --set} key {@link #withSetting} understands. */
  public static final List<String> OPTION_KEYS =
      List.of(CoordinationBackend.OPTION_KEY, LEASE_OPTION_KEY, LockOrder.OPTION_KEY);

  public DlmOptions {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(lockOrder, "lockOrder");
    Objects.requireNonNull(coordinationServer, "coordinationServer");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(releaseFailure, "releaseFailure");
    Objects.requireNonNull(holder, "holder");
    if (holderClockErrorPpm < 0 || holderClockErrorPpm >= PPM) {
      throw new IllegalArgumentException("a holder's clock error must be in [0, 1000000) ppm: " + holderClockErrorPpm);
    }
    requirePositive("lease", leaseNanos);
    requirePositive("membership timeout", membershipTimeoutNanos);
    requirePositive("retry interval", retryIntervalNanos);
    requirePositive("request timeout", requestTimeoutNanos);
  }

  private static void requirePositive(String what, long nanos) {
    if (nanos <= 0) {
      throw new IllegalArgumentException(what + " must be positive: " + nanos + "ns");
    }
  }

  /** The defaults of Tooz, kazoo and the spec for this backend, with sorted multi-locks. */
  public static DlmOptions defaults(CoordinationBackend backend, NodeId coordinationServer,
      NodeId database) {
    return new DlmOptions(backend, LockOrder.SORTED, defaultLeaseNanos(backend),
        Durations.seconds(30), defaultRetryIntervalNanos(backend),
        defaultRequestTimeoutNanos(backend), coordinationServer, database, ReleaseFailure.KEEP_LEASE,
        LockHolder.UNAWARE, 0);
  }

  /** Tooz etcd3gw's {@code lock_timeout} (30 s) or kazoo's session timeout (10 s). */
  public static long defaultLeaseNanos(CoordinationBackend backend) {
    return backend == CoordinationBackend.ZOOKEEPER ? Durations.seconds(10) : Durations.seconds(30);
  }

  private static long defaultRetryIntervalNanos(CoordinationBackend backend) {
    switch (backend) {
      case FILE:
        return Durations.millis(100);
      case ZOOKEEPER:
        return Durations.millis(200);
      default:
        return Durations.seconds(1);
    }
  }

  private static long defaultRequestTimeoutNanos(CoordinationBackend backend) {
    return backend == CoordinationBackend.ETCD ? Durations.seconds(30) : Durations.seconds(10);
  }

  /**
   * Applies one {@code --set KEY=VALUE}: {@code coordination.backend=etcd},
   * {@code coordination.lease=10s}, {@code lock.order=decorator-order}. Choosing a backend
   * resets the lease, retry interval and request timeout to that backend's defaults, so apply
   * it before {@code coordination.lease}.
   */
  public DlmOptions withSetting(String key, String value) {
    if (CoordinationBackend.OPTION_KEY.equals(key)) {
      CoordinationBackend chosen = CoordinationBackend.fromOptionValue(value);
      return new DlmOptions(chosen, lockOrder, defaultLeaseNanos(chosen), membershipTimeoutNanos,
          defaultRetryIntervalNanos(chosen), defaultRequestTimeoutNanos(chosen), coordinationServer, database,
          releaseFailure, holder, holderClockErrorPpm);
    }
    if (LEASE_OPTION_KEY.equals(key)) {
      return withLeaseNanos(Durations.parse(value));
    }
    if (LockOrder.OPTION_KEY.equals(key)) {
      return withLockOrder(LockOrder.fromOptionValue(value));
    }
    throw new IllegalArgumentException("unknown DLM option '" + key + "' (expected one of " + OPTION_KEYS + ")");
  }

  public DlmOptions withLeaseNanos(long nanos) {
    return new DlmOptions(backend, lockOrder, nanos, membershipTimeoutNanos, retryIntervalNanos,
        requestTimeoutNanos, coordinationServer, database, releaseFailure, holder, holderClockErrorPpm);
  }

  public DlmOptions withLockOrder(LockOrder order) {
    return new DlmOptions(backend, order, leaseNanos, membershipTimeoutNanos, retryIntervalNanos,
        requestTimeoutNanos, coordinationServer, database, releaseFailure, holder, holderClockErrorPpm);
  }

  public DlmOptions withReleaseFailure(ReleaseFailure failure) {
    return new DlmOptions(backend, lockOrder, leaseNanos, membershipTimeoutNanos, retryIntervalNanos,
        requestTimeoutNanos, coordinationServer, database, failure, holder, holderClockErrorPpm);
  }

  /** A lease-aware holder assuming its clock runs at most {@code clockErrorPpm} slow, or an unaware one. */
  public DlmOptions withHolder(LockHolder chosen, long clockErrorPpm) {
    return new DlmOptions(backend, lockOrder, leaseNanos, membershipTimeoutNanos, retryIntervalNanos,
        requestTimeoutNanos, coordinationServer, database, releaseFailure, chosen, clockErrorPpm);
  }

  public boolean leaseAware() {
    return holder == LockHolder.LEASE_AWARE;
  }

  /**
   * For a lease-aware holder: on its own monotonic clock, the last instant it may count on a
   * lease the server confirmed by answering a request sent at {@code confirmedSendNanos}. The
   * server starts the lease no earlier than that send, and a holder clock running slow by the
   * assumed error shows {@code (1 - error) x lease} by the time the server's shows the lease.
   */
  public long holderDeadlineNanos(long confirmedSendNanos) {
    return confirmedSendNanos + leaseNanos - Math.multiplyExact(leaseNanos, holderClockErrorPpm) / PPM;
  }

  /**
   * What Tooz's etcd heartbeat answers, min(lock_timeout, membership_timeout); the heart then
   * sleeps half of it, less the time the beat took, so about 15 s with the defaults.
   */
  public long etcdHeartbeatTtlNanos() {
    return Math.min(leaseNanos, membershipTimeoutNanos);
  }

  /** A ZooKeeper client pings when idle for a third of the session timeout. */
  public long zooKeeperPingIntervalNanos() {
    return leaseNanos / 3;
  }
}

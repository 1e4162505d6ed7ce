package io.cvolsim.model.broker;

import io.cvolsim.kernel.api.Durations;

/**
 * How the message broker and its client library behave. Defaults follow oslo.messaging's
 * RabbitMQ driver [code oslo_messaging/_drivers/impl_rabbit.py].
 *
 * @param ackMode when a consumer acknowledges (V18)
 * @param heartbeatIntervalNanos how often a consumer's connection beats, and how often the broker
 *     looks for silent connections; oslo waits {@code heartbeat_timeout_threshold /
 *     heartbeat_rate / 2} between heartbeat checks: 60 s / 3 / 2 = 10 s
 * @param heartbeatTimeoutNanos silence after which the broker declares a consumer's connection
 *     dead, requeues its unacknowledged messages and stops delivering to it
 *     ({@code heartbeat_timeout_threshold}, default 60 s)
 * @param prefetchCount the most unacknowledged messages one consumer holds per queue; 0 means
 *     unlimited ({@code rabbit_qos_prefetch_count}, default 0)
 * @param reconnectIntervalNanos how long a client waits before retrying a failed connection
 *     ({@code rabbit_retry_interval}, default 1 s)
 * @param executorThreadPoolSize how many handlers one consumer runs at once; further deliveries
 *     wait in the client unacknowledged, so they are requeued, not lost, if it dies
 *     ({@code executor_thread_pool_size}, default 64)
 */
public record BrokerOptions(AckMode ackMode, long heartbeatIntervalNanos, long heartbeatTimeoutNanos,
    int prefetchCount, long reconnectIntervalNanos, int executorThreadPoolSize) {

  public BrokerOptions {
    if (ackMode == null) {
      throw new IllegalArgumentException("ackMode is required");
    }
    if (heartbeatIntervalNanos <= 0 || heartbeatTimeoutNanos <= heartbeatIntervalNanos) {
      throw new IllegalArgumentException("need 0 < heartbeat interval < heartbeat timeout: "
          + heartbeatIntervalNanos + ", " + heartbeatTimeoutNanos);
    }
    if (prefetchCount < 0) {
      throw new IllegalArgumentException("prefetch count must not be negative: " + prefetchCount);
    }
    if (reconnectIntervalNanos <= 0) {
      throw new IllegalArgumentException("reconnect interval must be positive: " + reconnectIntervalNanos);
    }
    if (executorThreadPoolSize < 1) {
      throw new IllegalArgumentException("need at least one worker: " + executorThreadPoolSize);
    }
  }

  /** What oslo.messaging does out of the box: ack before dispatch, 60 s heartbeat timeout. */
  public static BrokerOptions osloDefaults() {
    return new BrokerOptions(AckMode.BEFORE_DISPATCH, Durations.seconds(10), Durations.seconds(60), 0,
        Durations.seconds(1), 64);
  }

  public BrokerOptions withAckMode(AckMode mode) {
    return new BrokerOptions(mode, heartbeatIntervalNanos, heartbeatTimeoutNanos, prefetchCount,
        reconnectIntervalNanos, executorThreadPoolSize);
  }

  public BrokerOptions withPrefetchCount(int count) {
    return new BrokerOptions(ackMode, heartbeatIntervalNanos, heartbeatTimeoutNanos, count,
        reconnectIntervalNanos, executorThreadPoolSize);
  }

  public BrokerOptions withExecutorThreadPoolSize(int size) {
    return new BrokerOptions(ackMode, heartbeatIntervalNanos, heartbeatTimeoutNanos, prefetchCount,
        reconnectIntervalNanos, size);
  }

  /** True when a consumer may take one more message while holding {@code unacked} of them. */
  boolean prefetchAllows(int unacked) {
    return prefetchCount == 0 || unacked < prefetchCount;
  }
}

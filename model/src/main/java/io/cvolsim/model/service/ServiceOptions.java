package io.cvolsim.model.service;

import io.cvolsim.kernel.api.Durations;

/**
 * Heartbeat timing and behaviour of one service (reference §4.4).
 *
 * @param reportIntervalNanos {@code report_interval}, 10 s by default
 * @param serviceDownTimeNanos {@code service_down_time}, 60 s by default
 * @param heartbeatMode what a failed heartbeat does
 * @param retryIntervalMaxNanos cap of the back-off in {@link HeartbeatMode#RETRY_BACKOFF}
 *     (oslo.db's max_retry_interval, 10 s)
 * @param retryCountMax how often one beat is retried in that mode (oslo.db's max_retries, 20)
 * @param heartbeatClock whose clock stamps {@code updated_at}
 */
public record ServiceOptions(long reportIntervalNanos, long serviceDownTimeNanos,
    HeartbeatMode heartbeatMode, long retryIntervalMaxNanos, int retryCountMax, HeartbeatClock heartbeatClock) {

  public static ServiceOptions cinderDefaults() {
    return new ServiceOptions(Durations.seconds(10), Durations.seconds(60), HeartbeatMode.FAIL_FAST,
        Durations.seconds(10), 20, HeartbeatClock.WRITER);
  }

  public ServiceOptions withHeartbeatClock(HeartbeatClock clock) {
    return new ServiceOptions(reportIntervalNanos, serviceDownTimeNanos, heartbeatMode, retryIntervalMaxNanos,
        retryCountMax, clock);
  }

  /**
   * The down time Cinder actually uses: when it is not longer than the report interval, Cinder
   * warns and uses 2.5 times the interval instead.
   */
  public long effectiveServiceDownTimeNanos() {
    return serviceDownTimeNanos <= reportIntervalNanos ? reportIntervalNanos * 5 / 2 : serviceDownTimeNanos;
  }

  public ServiceOptions withHeartbeatMode(HeartbeatMode mode) {
    return new ServiceOptions(reportIntervalNanos, serviceDownTimeNanos, mode, retryIntervalMaxNanos, retryCountMax,
        heartbeatClock);
  }

  public ServiceOptions withTimes(long reportInterval, long serviceDownTime) {
    return new ServiceOptions(reportInterval, serviceDownTime, heartbeatMode, retryIntervalMaxNanos, retryCountMax,
        heartbeatClock);
  }
}

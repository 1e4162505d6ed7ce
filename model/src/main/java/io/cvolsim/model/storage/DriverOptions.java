package io.cvolsim.model.storage;

import static io.cvolsim.kernel.api.Durations.seconds;

import io.cvolsim.kernel.api.Ratio;
import java.util.Objects;

/**
 * How a c-vol's volume driver behaves.
 *
 * @param callTimeoutNanos how long the driver waits for the array's answer; the call may still
 *     complete on the array after the driver gave up
 * @param activeActive the driver's {@code SUPPORTS_ACTIVE_ACTIVE}
 * @param errorRatio the share of driver calls that fail with an injected driver error before
 *     reaching the array (and of setups that fail)
 * @param storageGroupMoves whether a retype moves the volume between per-type storage groups under
 *     both groups' locks, as PowerMax's move_volume_between_storage_groups does (V20)
 * @param setupErrorRatio the share of do_setup attempts that fail besides {@code errorRatio} (an
 *     array that refuses a starting node); zero draws nothing
 */
public record DriverOptions(long callTimeoutNanos, ActiveActiveSupport activeActive, Ratio errorRatio,
    boolean storageGroupMoves, Ratio setupErrorRatio) {
  public DriverOptions {
    if (callTimeoutNanos <= 0) {
      throw new IllegalArgumentException("call timeout must be positive: " + callTimeoutNanos);
    }
    Objects.requireNonNull(activeActive, "activeActive");
    Objects.requireNonNull(errorRatio, "errorRatio");
    Objects.requireNonNull(setupErrorRatio, "setupErrorRatio");
  }

  /** A 60 s call timeout (longer than the default copies), A/A support, no injected errors. */
  public static DriverOptions defaults() {
    return new DriverOptions(seconds(60), ActiveActiveSupport.SUPPORTED, Ratio.ZERO, false, Ratio.ZERO);
  }

  public DriverOptions withCallTimeoutNanos(long newCallTimeoutNanos) {
    return new DriverOptions(newCallTimeoutNanos, activeActive, errorRatio, storageGroupMoves, setupErrorRatio);
  }

  public DriverOptions withErrorRatio(Ratio newErrorRatio) {
    return new DriverOptions(callTimeoutNanos, activeActive, newErrorRatio, storageGroupMoves, setupErrorRatio);
  }

  public DriverOptions withActiveActive(ActiveActiveSupport newActiveActive) {
    return new DriverOptions(callTimeoutNanos, newActiveActive, errorRatio, storageGroupMoves, setupErrorRatio);
  }

  public DriverOptions withStorageGroupMoves(boolean moves) {
    return new DriverOptions(callTimeoutNanos, activeActive, errorRatio, moves, setupErrorRatio);
  }

  public DriverOptions withSetupErrorRatio(Ratio ratio) {
    return new DriverOptions(callTimeoutNanos, activeActive, errorRatio, storageGroupMoves, ratio);
  }
}

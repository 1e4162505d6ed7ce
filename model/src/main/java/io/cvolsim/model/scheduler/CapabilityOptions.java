package io.cvolsim.model.scheduler;

import io.cvolsim.model.config.CapabilityStamping;

/**
 * How a scheduler takes in capability reports.
 *
 * @param stamping whose clock orders them (V21)
 * @param processingDelayMaxNanos the longest a report waits for its greenthread before it is
 *     applied; each waits a drawn time up to this, so reports can be applied out of order. Zero
 *     applies each at once and draws nothing.
 */
public record CapabilityOptions(CapabilityStamping stamping, long processingDelayMaxNanos) {
  public static CapabilityOptions defaults() {
    return new CapabilityOptions(CapabilityStamping.VOLUME_SERVICE, 0);
  }
}

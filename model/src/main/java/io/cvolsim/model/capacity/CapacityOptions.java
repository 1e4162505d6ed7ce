package io.cvolsim.model.capacity;

import io.cvolsim.model.config.CapacityCounting;
import java.util.Objects;

/**
 * The backend's provisioning limit and how its allocated capacity is counted.
 *
 * @param limitGb the most the schedulers may provision on the backend (its capacity times
 *     max_over_subscription_ratio); zero for unlimited, where reports say 1000 GB free as they
 *     always did, nothing is counted and no capacity is filtered
 * @param counting how the c-vols count what they report
 */
public record CapacityOptions(long limitGb, CapacityCounting counting) {
  /** Reports carry this when the limit is off, so runs without one keep their fingerprints. */
  public static final long UNLIMITED_REPORTED_FREE_GB = 1000;

  public CapacityOptions {
    if (limitGb < 0) {
      throw new IllegalArgumentException("the provisioning limit cannot be negative: " + limitGb);
    }
    Objects.requireNonNull(counting, "counting");
  }

  public static CapacityOptions unlimited() {
    return new CapacityOptions(0, CapacityCounting.AT_START);
  }

  public boolean isLimited() {
    return limitGb > 0;
  }
}

package io.cvolsim.kernel.sim;

import io.cvolsim.kernel.api.Ratio;

/** How one directed link behaves: latency drawn uniformly per message, loss and duplication. */
public record LinkProfile(long latencyMinNanos, long latencyMaxNanos, Ratio lossRatio, Ratio duplicateRatio) {
  public LinkProfile {
    if (latencyMinNanos < 0 || latencyMaxNanos < latencyMinNanos) {
      throw new IllegalArgumentException("bad latency range " + latencyMinNanos + ".." + latencyMaxNanos);
    }
  }

  public static LinkProfile reliable(long latencyMinNanos, long latencyMaxNanos) {
    return new LinkProfile(latencyMinNanos, latencyMaxNanos, Ratio.ZERO, Ratio.ZERO);
  }
}

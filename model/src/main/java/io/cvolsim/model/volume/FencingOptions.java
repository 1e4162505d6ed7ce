package io.cvolsim.model.volume;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.model.config.FencingRevocation;
import io.cvolsim.model.storage.FencingMode;

/**
 * How a node that may still be running is kept off the storage once others clean up after it
 * (variant V11, reference §6).
 *
 * @param mode none, self, stonith or storage
 * @param selfFenceAfterNanos self mode: a node fences itself once its last successful heartbeat
 *     is this old on its own clock ({@code T_self})
 * @param stonithDelayNanos stonith mode: how long the power switch takes to act; cleanup waits
 *     for it
 * @param revocation storage mode: whether a revocation names the host or the incarnation judged down
 */
public record FencingOptions(FencingMode mode, long selfFenceAfterNanos, long stonithDelayNanos,
    FencingRevocation revocation) {
  /** Revocations name the host. */
  public FencingOptions(FencingMode mode, long selfFenceAfterNanos, long stonithDelayNanos) {
    this(mode, selfFenceAfterNanos, stonithDelayNanos, FencingRevocation.HOST);
  }

  public static FencingOptions none() {
    return new FencingOptions(FencingMode.NONE, Durations.seconds(30), Durations.seconds(5));
  }

  /** Whether revocations and re-admissions name incarnations. */
  public boolean namesIncarnations() {
    return mode == FencingMode.STORAGE && revocation == FencingRevocation.INCARNATION;
  }
}

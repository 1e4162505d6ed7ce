package io.cvolsim.model.storage;

import java.util.Objects;

/**
 * How the shared storage array behaves.
 *
 * @param blocksPerGigabyte how many version-stamped blocks one GB of an object holds
 * @param timings how long each kind of call takes on the array
 * @param tokenFencing whether the array refuses stale fencing tokens
 * @param revokedInFlight what revoking a node's access does to its running operations
 */
public record StorageOptions(int blocksPerGigabyte, StorageTimings timings, TokenFencing tokenFencing,
    RevokedInFlight revokedInFlight) {

  public StorageOptions {
    if (blocksPerGigabyte <= 0) {
      throw new IllegalArgumentException("blocks per GB must be positive: " + blocksPerGigabyte);
    }
    Objects.requireNonNull(timings, "timings");
    Objects.requireNonNull(tokenFencing, "tokenFencing");
    Objects.requireNonNull(revokedInFlight, "revokedInFlight");
  }

  /** Four blocks per GB, default timings, no token checks, running work not abortable. */
  public static StorageOptions defaults() {
    return new StorageOptions(4, StorageTimings.defaults(), TokenFencing.OFF, RevokedInFlight.CONTINUE);
  }

  public StorageOptions withTimings(StorageTimings newTimings) {
    return new StorageOptions(blocksPerGigabyte, newTimings, tokenFencing, revokedInFlight);
  }

  public StorageOptions withTokenFencing(TokenFencing newTokenFencing) {
    return new StorageOptions(blocksPerGigabyte, timings, newTokenFencing, revokedInFlight);
  }

  public StorageOptions withRevokedInFlight(RevokedInFlight newRevokedInFlight) {
    return new StorageOptions(blocksPerGigabyte, timings, tokenFencing, newRevokedInFlight);
  }
}

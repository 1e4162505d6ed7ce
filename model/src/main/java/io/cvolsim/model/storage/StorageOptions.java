package io.cvolsim.model.storage;

import java.util.Objects;

/**
 * How the shared storage array behaves.
 *
 * @param blocksPerGigabyte how many version-stamped blocks one GB of an object holds
 * @param timings how long each kind of call takes on the array
 * @param tokenFencing whether the array refuses stale fencing tokens
 * @param revokedInFlight what revoking a node's access does to its running operations
 * @param cloneMethod whether a clone reads the live source or a temporary snapshot of it
 * @param concurrentMutations whether two callers may change one object at once
 */
public record StorageOptions(int blocksPerGigabyte, StorageTimings timings, TokenFencing tokenFencing,
    RevokedInFlight revokedInFlight, CloneMethod cloneMethod, ConcurrentMutations concurrentMutations) {

  public StorageOptions {
    if (blocksPerGigabyte <= 0) {
      throw new IllegalArgumentException("blocks per GB must be positive: " + blocksPerGigabyte);
    }
    Objects.requireNonNull(timings, "timings");
    Objects.requireNonNull(tokenFencing, "tokenFencing");
    Objects.requireNonNull(revokedInFlight, "revokedInFlight");
    Objects.requireNonNull(cloneMethod, "cloneMethod");
    Objects.requireNonNull(concurrentMutations, "concurrentMutations");
  }

  /**
   * Four blocks per GB, default timings, no token checks, running work not abortable, and clones
   * that read their live source (the variant that lets torn copies happen).
   */
  public static StorageOptions defaults() {
    return new StorageOptions(4, StorageTimings.defaults(), TokenFencing.OFF, RevokedInFlight.CONTINUE,
        CloneMethod.BLOCK_COPY, ConcurrentMutations.ALLOW);
  }

  public StorageOptions withTimings(StorageTimings newTimings) {
    return new StorageOptions(blocksPerGigabyte, newTimings, tokenFencing, revokedInFlight, cloneMethod, concurrentMutations);
  }

  public StorageOptions withTokenFencing(TokenFencing newTokenFencing) {
    return new StorageOptions(blocksPerGigabyte, timings, newTokenFencing, revokedInFlight, cloneMethod, concurrentMutations);
  }

  public StorageOptions withRevokedInFlight(RevokedInFlight newRevokedInFlight) {
    return new StorageOptions(blocksPerGigabyte, timings, tokenFencing, newRevokedInFlight, cloneMethod, concurrentMutations);
  }

  public StorageOptions withConcurrentMutations(ConcurrentMutations newConcurrentMutations) {
    return new StorageOptions(blocksPerGigabyte, timings, tokenFencing, revokedInFlight, cloneMethod,
        newConcurrentMutations);
  }

  public StorageOptions withCloneMethod(CloneMethod newCloneMethod) {
    return new StorageOptions(blocksPerGigabyte, timings, tokenFencing, revokedInFlight, newCloneMethod, concurrentMutations);
  }
}

package io.cvolsim.model.dlm;

import io.cvolsim.kernel.api.SimFuture;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tooz's {@code file://} driver: an fcntl lock on the node's local disk. Only users on the same
 * node see it, so in Active/Active it excludes nothing between members (reference §7.4, V12).
 * The table lives in this process incarnation, so the locks vanish when the process dies, as
 * the kernel drops fcntl locks of a dead process.
 */
final class FileLockBackend implements LockBackend {
  private final Map<String, Long> heldTokens = new TreeMap<>();
  private long lastToken;

  @Override
  public SimFuture<Attempt> tryAcquire(String name, Queued queued) {
    if (heldTokens.containsKey(name)) {
      return SimFuture.succeeded(new Busy(null));
    }
    long token = ++lastToken;
    heldTokens.put(name, token);
    return SimFuture.succeeded(new Granted(token));
  }

  /** Only this node's own locks are visible. */
  @Override
  public SimFuture<List<String>> heldNamesStartingWith(String prefix) {
    return SimFuture.succeeded(heldTokens.keySet().stream().filter(name -> name.startsWith(prefix)).toList());
  }

  @Override
  public void abandon(String name, Queued queued) {
    // A file lock waiter holds no place in line.
  }

  @Override
  public SimFuture<ReleaseOutcome> release(LockGrant grant) {
    Long token = heldTokens.get(grant.name());
    if (token == null || token != grant.token()) {
      return SimFuture.succeeded(ReleaseOutcome.NOT_HELD);
    }
    heldTokens.remove(grant.name());
    return SimFuture.succeeded(ReleaseOutcome.RELEASED);
  }
}

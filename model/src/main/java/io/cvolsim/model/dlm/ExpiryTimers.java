package io.cvolsim.model.dlm;

import io.cvolsim.kernel.api.NodeContext;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

/**
 * A server's timers for leases or sessions whose deadline moves with every refresh: one timer
 * per lease, which on firing either expires the lease or sleeps until the deadline it has now.
 */
final class ExpiryTimers {
  private final NodeContext context;
  private final String label;
  private final LongFunction<Long> deadlineNanosOf;
  private final LongConsumer expire;

  /**
   * @param deadlineNanosOf the current deadline of an id on the server's clock, null once gone
   * @param expire what to do when an id's deadline has passed
   */
  ExpiryTimers(NodeContext context, String label, LongFunction<Long> deadlineNanosOf,
      LongConsumer expire) {
    this.context = context;
    this.label = label;
    this.deadlineNanosOf = deadlineNanosOf;
    this.expire = expire;
  }

  /** Checks {@code id} after {@code delayNanos}. */
  void arm(long id, long delayNanos) {
    context.setTimer(label + " " + id, delayNanos, () -> check(id));
  }

  private void check(long id) {
    Long deadlineNanos = deadlineNanosOf.apply(id);
    if (deadlineNanos == null) {
      return;
    }
    long now = context.localTimeNanos();
    if (now < deadlineNanos) {
      arm(id, deadlineNanos - now);
    } else {
      expire.accept(id);
    }
  }
}

package io.cvolsim.kernel.api;

/**
 * Everything a node may do to the world. All of it goes through the kernel, so replay and
 * exploration see every effect: time is this node's own (possibly skewed) clock, randomness is
 * {@link #choices()}, and messages and timers are kernel events.
 */
public interface NodeContext {

  NodeId self();

  /** This node's clock: true time plus the node's offset and drift. Never the true time. */
  long localTimeNanos();

  /**
   * This node's monotonic clock (Python's {@code time.monotonic}): it runs at the node's drifted
   * rate but never steps when the wall clock is set, so durations and intervals measured with it
   * survive clock-skew faults. Its zero means nothing; only differences do.
   */
  long monotonicNanos();

  Choices choices();

  /**
   * Which start of this process this is: 0 at the first, one more at each restart. A boot id that
   * only grows, as a process can make at start-up; a pause does not change it.
   */
  int incarnation();

  /** Runs {@code action} after {@code delayNanos} of this node's clock, unless it crashes first. */
  TimerHandle setTimer(String label, long delayNanos, Runnable action);

  /** A future that succeeds after {@code delayNanos} of this node's clock. */
  SimFuture<Void> sleep(String label, long delayNanos);

  /** One-way send: no answer, no error; the network may lose, delay or duplicate it. */
  void send(NodeId to, Message message);

  /**
   * A request expecting one answer of {@code responseType}. Fails with {@link Failure.TimedOut}
   * when nothing arrives within {@code timeoutNanos} (the request may still have taken effect),
   * or with {@link Failure.Error} when the receiver answered {@link #replyError}.
   */
  <R extends Message> SimFuture<R> call(
      NodeId to, Message request, Class<R> responseType, long timeoutNanos);

  /** Answers a request received through {@link Node#onMessage}. */
  void reply(Incoming request, Message response);

  /** Answers a request with an error that fails the caller's future. */
  void replyError(Incoming request, String reason);

  /** A line in the trace, from this node. */
  void log(String text);

  /** Marks that a rare or interesting branch ran; reports list how often each probe fired. */
  void probe(String name);
}

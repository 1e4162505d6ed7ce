package io.cvolsim.kernel.api;

/** Why a future failed. Protocol code switches over it exhaustively. */
public sealed interface Failure {

  /** No answer within the deadline: the request may or may not have taken effect. */
  record TimedOut(String what, long timeoutNanos) implements Failure {}

  /** The owning node crashed or the operation was withdrawn; nobody is waiting any more. */
  record Cancelled(String reason) implements Failure {}

  /** The other side answered with an error (a protocol-level refusal, a driver exception). */
  record Error(String reason) implements Failure {}

  static Failure error(String reason) {
    return new Error(reason);
  }
}

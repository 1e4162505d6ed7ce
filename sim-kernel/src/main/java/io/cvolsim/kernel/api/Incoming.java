package io.cvolsim.kernel.api;

/**
 * A delivered message. {@code callId} is positive for a request sent with
 * {@link NodeContext#call}, which the receiver answers with {@link NodeContext#reply}, and zero
 * for a one-way send. {@code sentAtNanos} is the true time the sender sent it: for logs that
 * checkers read (a call received after its caller was fenced may have been sent before), never
 * for protocol decisions.
 */
public record Incoming(NodeId from, Message message, long callId, long sentAtNanos) {
  public boolean expectsReply() {
    return callId > 0;
  }
}

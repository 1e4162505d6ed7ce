package io.cvolsim.kernel.api;

/**
 * A delivered message. {@code callId} is positive for a request sent with
 * {@link NodeContext#call}, which the receiver answers with {@link NodeContext#reply}, and zero
 * for a one-way send.
 */
public record Incoming(NodeId from, Message message, long callId) {
  public boolean expectsReply() {
    return callId > 0;
  }
}

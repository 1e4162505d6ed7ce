package io.cvolsim.model.broker;

import io.cvolsim.kernel.api.Message;
import io.cvolsim.kernel.api.SimFuture;

/**
 * A consumer's code for one topic. The future completes when the work is done: for a call its
 * value is the result sent back to the caller (a failure fails the caller's future); for a cast
 * or fan-out its value is ignored and may be null. Under {@link AckMode#AFTER_COMPLETION} the
 * message is acknowledged only then.
 */
@FunctionalInterface
public interface MessageHandler {
  SimFuture<? extends Message> handle(Dispatch dispatch);
}

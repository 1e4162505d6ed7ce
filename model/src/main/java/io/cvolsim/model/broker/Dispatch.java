package io.cvolsim.model.broker;

import io.cvolsim.kernel.api.Message;

/**
 * A message handed to a consumer's handler.
 *
 * @param topic the topic it was published to
 * @param messageId the broker's id for it (a fan-out copy has its own)
 * @param kind cast, call or fan-out; a call's handler result is sent back to the caller
 * @param payload what the publisher sent
 * @param redelivered true when an earlier delivery was never acknowledged, so another consumer
 *     (or a zombie) may have run it already
 */
public record Dispatch(String topic, long messageId, PublishKind kind, Message payload,
    boolean redelivered) {}

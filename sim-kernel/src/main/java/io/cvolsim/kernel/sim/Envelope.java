package io.cvolsim.kernel.sim;

import io.cvolsim.kernel.api.Message;

/**
 * What travels on a link: a one-way message, a request, or the answer to one. {@code sentAtNanos}
 * is the true time of the send; it is never printed, so traces and fingerprints do not see it.
 */
record Envelope(Kind kind, Message message, long callId, String errorReason, long sentAtNanos) {
  enum Kind {
    SEND,
    REQUEST,
    RESPONSE,
    ERROR_RESPONSE
  }

  String describe() {
    return switch (kind) {
      case SEND -> String.valueOf(message);
      case REQUEST -> "call#" + callId + " " + message;
      case RESPONSE -> "reply#" + callId + " " + message;
      case ERROR_RESPONSE -> "reply#" + callId + " error: " + errorReason;
    };
  }
}

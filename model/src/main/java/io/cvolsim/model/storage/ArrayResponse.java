package io.cvolsim.model.storage;

import io.cvolsim.kernel.api.Message;

/** The array's successful answers; failures come back as error replies with a reason. */
public sealed interface ArrayResponse extends Message {

  /** The call completed; {@code detail} says what it did ("deleted", "already absent"). */
  record Done(String detail) implements ArrayResponse {}

  /** The volume is exported; this is what the connector attaches to. */
  record Connected(ConnectionInfo connection) implements ArrayResponse {}

  /** A block write landed with this version stamp. */
  record Written(String volumeId, int blockIndex, long stamp) implements ArrayResponse {}

  /** The caller may use the array. */
  record AccessGranted() implements ArrayResponse {}
}

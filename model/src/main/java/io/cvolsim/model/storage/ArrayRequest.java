package io.cvolsim.model.storage;

import io.cvolsim.kernel.api.Message;

/** Everything the storage array answers: logged {@link StorageCall}s and the setup access check. */
public sealed interface ArrayRequest extends Message permits StorageCall, ArrayRequest.CheckAccess {

  /** The driver's {@code do_setup}: may this node use the array? Changes nothing; not logged. */
  record CheckAccess() implements ArrayRequest {}
}

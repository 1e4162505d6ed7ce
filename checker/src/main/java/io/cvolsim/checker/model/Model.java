package io.cvolsim.checker.model;

import io.cvolsim.checker.history.PairedOperation;

/**
 * A sequential specification: the object a concurrent history must be explainable by.
 *
 * <p>States are immutable values compared with {@link #statesEqual} and {@link #stateHash} (by
 * default their own {@code equals} and {@code hashCode}, which must then cover all of their
 * content), because the checker caches (linearized set, state) pairs. A state may be null.
 *
 * <p>The checker calls {@link #step} for operations that took effect (outcome ok, with a known
 * output the model must check) and for operations whose outcome is unknown (info: apply the
 * effect as if it happened). Operations that failed are dropped before the model sees them.
 */
public interface Model {
  /** Returned by {@link #step} when the operation cannot happen in the given state. */
  Object ILLEGAL = IllegalState.INSTANCE;

  /** The registry name, such as "cas-register". */
  String name();

  /** The state before any operation. */
  Object initialState();

  /**
   * The state after the operation, or {@link #ILLEGAL}.
   *
   * @param state the current state
   * @param operation an ok operation (check its output) or an info one (output unknown, see
   *     {@link PairedOperation#hasKnownOutput()})
   */
  Object step(Object state, PairedOperation operation);

  /**
   * What is wrong with the shape of an operation (unknown function, a value of the wrong type),
   * or null when the model can take it. Checked for every operation before the search.
   */
  String problemWith(PairedOperation operation);

  /**
   * The partition an operation belongs to, for P-compositional checking (each partition is a
   * separate object, checked alone); null when the model cannot be partitioned.
   */
  default Object partitionKey(PairedOperation operation) {
    return null;
  }

  /** The model that checks one partition alone; by default this model. */
  default Model partitionModel(Object partitionKey) {
    return this;
  }

  /**
   * False when an operation never changes the state (a read): if its outcome is unknown it
   * constrains nothing, and the checker drops it.
   */
  default boolean mayChangeState(PairedOperation operation) {
    return true;
  }

  /**
   * Whether two states are the same for the search, by default {@code Objects.equals}. Override
   * together with {@link #stateHash} when the state type's own equality does not fit.
   */
  default boolean statesEqual(Object left, Object right) {
    return java.util.Objects.equals(left, right);
  }

  /** A hash consistent with {@link #statesEqual}; by default {@code Objects.hashCode}. */
  default int stateHash(Object state) {
    return java.util.Objects.hashCode(state);
  }

  /** A rough size of a state in bytes, for the cache budget. */
  default long stateSizeBytes(Object state) {
    return 32;
  }

  /** The sentinel type of {@link #ILLEGAL}. */
  enum IllegalState {
    INSTANCE;

    @Override
    public String toString() {
      return "illegal";
    }
  }
}

package io.cvolsim.checker.model;

import io.cvolsim.checker.history.PairedOperation;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A collection of independent objects, one per key, each following the same per-key model. The
 * checker checks each key alone (P-compositionality); checked whole, the state maps every key
 * touched so far to its state, and keys not in the map are in the per-key initial state.
 */
public final class PartitionedModel implements Model {
  private final String name;
  private final Function<PairedOperation, Object> keyOf;
  private final Function<PairedOperation, String> keyProblem;
  private final Model perKeyModel;

  /**
   * @param name the registry name
   * @param keyOf the key of a well-shaped operation
   * @param keyProblem what is wrong with an operation's key, or null; checked before keyOf
   * @param perKeyModel the sequential model of one key
   */
  public PartitionedModel(String name, Function<PairedOperation, Object> keyOf,
      Function<PairedOperation, String> keyProblem, Model perKeyModel) {
    this.name = name;
    this.keyOf = keyOf;
    this.keyProblem = keyProblem;
    this.perKeyModel = perKeyModel;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Object initialState() {
    return KeyedState.EMPTY;
  }

  @Override
  public Object step(Object state, PairedOperation operation) {
    KeyedState states = (KeyedState) state;
    Object key = keyOf.apply(operation);
    Object initial = perKeyModel.initialState();
    Object current = states.stateOf(key, initial);
    Object next = perKeyModel.step(current, operation);
    if (next == ILLEGAL) {
      return ILLEGAL;
    }
    return Objects.equals(next, current) ? states : states.with(key, next, initial);
  }

  @Override
  public String problemWith(PairedOperation operation) {
    String problem = keyProblem.apply(operation);
    return problem != null ? problem : perKeyModel.problemWith(operation);
  }

  @Override
  public Object partitionKey(PairedOperation operation) {
    return keyOf.apply(operation);
  }

  @Override
  public Model partitionModel(Object partitionKey) {
    return perKeyModel;
  }

  @Override
  public boolean mayChangeState(PairedOperation operation) {
    return perKeyModel.mayChangeState(operation);
  }

  @Override
  public long stateSizeBytes(Object state) {
    long bytes = 64;
    for (Object keyState : ((KeyedState) state).states.values()) {
      bytes += 48 + perKeyModel.stateSizeBytes(keyState);
    }
    return bytes;
  }

  /** The states of the keys that left their initial state; immutable, hash computed once. */
  public static final class KeyedState {
    static final KeyedState EMPTY = new KeyedState(Map.of());
    private final Map<Object, Object> states;
    private final int hash;

    private KeyedState(Map<Object, Object> states) {
      this.states = states;
      this.hash = states.hashCode();
    }

    Object stateOf(Object key, Object initial) {
      return states.containsKey(key) ? states.get(key) : initial;
    }

    KeyedState with(Object key, Object state, Object initial) {
      Map<Object, Object> next = new HashMap<>(states);
      if (Objects.equals(state, initial)) {
        next.remove(key);
      } else {
        next.put(key, state);
      }
      return new KeyedState(next);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof KeyedState keyed && keyed.hash == hash && keyed.states.equals(states);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      Map<String, Object> sorted = new TreeMap<>();
      states.forEach((key, value) -> sorted.put(String.valueOf(key), value));
      return sorted.toString();
    }
  }
}

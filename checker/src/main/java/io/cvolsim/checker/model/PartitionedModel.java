package io.cvolsim.checker.model;

import io.cvolsim.checker.history.PairedOperation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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
  private final KeyNumbers keys = new KeyNumbers();

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
    return new KeyedState(keys, perKeyModel, new Object[0], 0, 64);
  }

  @Override
  public Object step(Object state, PairedOperation operation) {
    KeyedState states = (KeyedState) state;
    int number = keys.numberOf(keyOf.apply(operation));
    Object initial = perKeyModel.initialState();
    Object current = states.stateOf(number, initial);
    Object next = perKeyModel.step(current, operation);
    if (next == ILLEGAL) {
      return ILLEGAL;
    }
    if (perKeyModel.statesEqual(next, current)) {
      return states;
    }
    long sizeBytes = states.sizeBytes - keyStateBytes(current, initial)
        + keyStateBytes(next, initial);
    return states.with(number, next, perKeyModel.statesEqual(next, initial), sizeBytes);
  }

  private long keyStateBytes(Object keyState, Object initial) {
    return perKeyModel.statesEqual(keyState, initial) ? 0
        : 48 + perKeyModel.stateSizeBytes(keyState);
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
    return ((KeyedState) state).sizeBytes;
  }

  /** Numbers the keys in order of first use, so that a state is an array indexed by key. */
  private static final class KeyNumbers {
    private final Map<Object, Integer> numbers = new HashMap<>();
    private final List<Object> keys = new ArrayList<>();

    synchronized int numberOf(Object key) {
      Integer number = numbers.get(key);
      if (number == null) {
        number = keys.size();
        numbers.put(key, number);
        keys.add(key);
      }
      return number;
    }

    synchronized Object keyOf(int number) {
      return keys.get(number);
    }
  }

  /**
   * The states of every key, by key number; a null slot (or none) means the key is still in its
   * initial state. Immutable; its hash and size are updated per step, not recomputed.
   */
  public static final class KeyedState {
    /** Stands for a key whose state is null but whose initial state is not. */
    private static final Object NULL_STATE = new Object();
    private final KeyNumbers keys;
    private final Model perKeyModel;
    private final Object[] states;
    private final int hash;
    private final long sizeBytes;

    private KeyedState(KeyNumbers keys, Model perKeyModel, Object[] states, int hash,
        long sizeBytes) {
      this.keys = keys;
      this.perKeyModel = perKeyModel;
      this.states = states;
      this.hash = hash;
      this.sizeBytes = sizeBytes;
    }

    Object stateOf(int number, Object initial) {
      Object slot = number < states.length ? states[number] : null;
      return slot == null ? initial : slot == NULL_STATE ? null : slot;
    }

    /** The key's new state; {@code isInitial} frees its slot so equal states stay equal. */
    KeyedState with(int number, Object state, boolean isInitial, long newSizeBytes) {
      Object[] next = Arrays.copyOf(states, Math.max(states.length, number + 1));
      Object slot = isInitial ? null : state == null ? NULL_STATE : state;
      int newHash = hash - contribution(number, next[number]) + contribution(number, slot);
      next[number] = slot;
      return new KeyedState(keys, perKeyModel, next, newHash, newSizeBytes);
    }

    private int contribution(int number, Object slot) {
      if (slot == null) {
        return 0;
      }
      int slotHash = slot == NULL_STATE ? 0x5EED : perKeyModel.stateHash(slot);
      return (number + 1) * 0x9E3779B9 ^ slotHash;
    }

    /** Slots are equal when both are free, both hold null, or the per-key model says so. */
    private boolean slotsEqual(Object mine, Object theirs) {
      if (mine == null || theirs == null || mine == NULL_STATE || theirs == NULL_STATE) {
        return mine == theirs;
      }
      return perKeyModel.statesEqual(mine, theirs);
    }

    @Override
    public boolean equals(Object other) {
      if (!(other instanceof KeyedState keyed) || keyed.hash != hash) {
        return false;
      }
      int length = Math.max(states.length, keyed.states.length);
      for (int i = 0; i < length; i++) {
        Object mine = i < states.length ? states[i] : null;
        Object theirs = i < keyed.states.length ? keyed.states[i] : null;
        if (!slotsEqual(mine, theirs)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      Map<String, Object> sorted = new TreeMap<>();
      for (int i = 0; i < states.length; i++) {
        if (states[i] != null) {
          sorted.put(String.valueOf(keys.keyOf(i)), states[i] == NULL_STATE ? null : states[i]);
        }
      }
      return sorted.toString();
    }
  }
}

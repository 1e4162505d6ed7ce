package io.cvolsim.checker.model;

import io.cvolsim.checker.history.PairedOperation;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several named registers changed together by {@code txn} operations, as in Knossos: the value
 * is a list of micro-operations {@code [f key value]} with f = read or write. Ok transactions
 * are checked against their completion's values; info ones apply the writes they asked for.
 *
 * <p>The initial value is either a map from key to value or one value every key starts with.
 * A read of nil is Knossos's unrecorded read unless the register's initial value is nil.
 */
public final class MultiRegisterModel implements Model {
  private final Map<Object, Object> initialValues;
  private final Object defaultValue;

  /** @param initial a map of initial values, or one value for every key (nil allowed) */
  public MultiRegisterModel(Object initial) {
    Map<String, Object> given = Values.map(initial);
    this.initialValues = new HashMap<>();
    if (given != null) {
      given.forEach((key, value) -> initialValues.put(key, Values.normalize(value)));
    }
    this.defaultValue = given == null ? Values.normalize(initial) : null;
  }

  @Override
  public String name() {
    return "multi-register";
  }

  @Override
  public Object initialState() {
    return Collections.unmodifiableMap(new HashMap<>(initialValues));
  }

  @Override
  public Object step(Object state, PairedOperation operation) {
    @SuppressWarnings("unchecked")
    Map<Object, Object> registers = (Map<Object, Object>) state;
    Object microOperations = operation.hasKnownOutput() ? operation.output() : operation.input();
    Map<Object, Object> next = null;
    for (Object item : (List<?>) microOperations) {
      List<?> micro = (List<?>) item;
      Object key = micro.get(1);
      Object value = Values.normalize(micro.get(2));
      Object current = valueOf(next == null ? registers : next, key);
      if ("write".equals(micro.get(0))) {
        next = next == null ? new HashMap<>(registers) : next;
        next.put(key, value);
      } else if (operation.hasKnownOutput() && !readMatches(key, current, value)) {
        return ILLEGAL;
      }
    }
    return next == null ? state : Collections.unmodifiableMap(next);
  }

  private Object valueOf(Map<Object, Object> registers, Object key) {
    return registers.containsKey(key) ? registers.get(key) : defaultValue;
  }

  private boolean readMatches(Object key, Object current, Object valueRead) {
    Object initial = initialValues.containsKey(key) ? initialValues.get(key) : defaultValue;
    return (valueRead == null && initial != null) || Values.same(current, valueRead);
  }

  @Override
  public String problemWith(PairedOperation operation) {
    if (!operation.f().equals("txn")) {
      return Values.unknownFunction(name(), operation.f());
    }
    String problem = microOperationsProblem(operation.input());
    if (problem == null && operation.hasKnownOutput()) {
      problem = microOperationsProblem(operation.output());
    }
    return problem;
  }

  private static String microOperationsProblem(Object value) {
    if (!(value instanceof List<?> list)) {
      return "txn needs a list of [f key value] micro-operations, got " + value;
    }
    for (Object item : list) {
      List<?> micro = Values.tuple(item, 3);
      if (micro == null || !("read".equals(micro.get(0)) || "write".equals(micro.get(0)))) {
        return "txn micro-operation must be [read|write key value], got " + item;
      }
    }
    return null;
  }

  @Override
  public boolean mayChangeState(PairedOperation operation) {
    for (Object item : (List<?>) operation.input()) {
      if ("write".equals(((List<?>) item).get(0))) {
        return true;
      }
    }
    return false;
  }
}

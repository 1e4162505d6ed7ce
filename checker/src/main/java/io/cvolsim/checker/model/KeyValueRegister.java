package io.cvolsim.checker.model;

import io.cvolsim.checker.history.PairedOperation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One key of a {@link KeyValueModel}, checked alone: the state is that key's value. Values are
 * tuples {@code [key value]}; only the second element matters here.
 */
public final class KeyValueRegister implements Model {
  private final Object initialValue;

  KeyValueRegister(Object initialValue) {
    this.initialValue = initialValue;
  }

  @Override
  public String name() {
    return "key-value";
  }

  @Override
  public Object initialState() {
    return initialValue;
  }

  @Override
  public Object step(Object state, PairedOperation operation) {
    return stepValue(state, operation);
  }

  /** The value after the operation, or ILLEGAL. */
  Object stepValue(Object current, PairedOperation operation) {
    Object argument = Values.normalize(((List<?>) operation.input()).get(1));
    return switch (operation.f()) {
      case "get", "read" -> {
        if (!operation.hasKnownOutput()) {
          yield current;
        }
        Object valueRead = Values.normalize(((List<?>) operation.output()).get(1));
        yield Values.same(current, valueRead) ? current : ILLEGAL;
      }
      case "put", "write" -> argument;
      case "append" -> appended(current, argument);
      case "cas" -> {
        List<?> expectedAndNew = (List<?>) argument;
        yield Values.same(current, expectedAndNew.get(0))
            ? Values.normalize(expectedAndNew.get(1)) : ILLEGAL;
      }
      default -> ILLEGAL;
    };
  }

  private static Object appended(Object current, Object suffix) {
    if (current instanceof List<?> list) {
      List<Object> grown = new ArrayList<>(list);
      grown.add(suffix);
      return Collections.unmodifiableList(grown);
    }
    return (current == null ? "" : current.toString()) + suffix;
  }

  @Override
  public String problemWith(PairedOperation operation) {
    return switch (operation.f()) {
      case "get", "read", "put", "write", "append" -> null;
      case "cas" -> Values.tuple(((List<?>) operation.input()).get(1), 2) == null
          ? "cas needs a value [key [expected new]], got " + operation.input() : null;
      default -> Values.unknownFunction(name(), operation.f());
    };
  }

  @Override
  public boolean mayChangeState(PairedOperation operation) {
    return !(operation.f().equals("get") || operation.f().equals("read"));
  }

  @Override
  public long stateSizeBytes(Object state) {
    return valueSizeBytes(state);
  }

  static long valueSizeBytes(Object value) {
    return value instanceof String text ? 40 + text.length() : 24;
  }
}

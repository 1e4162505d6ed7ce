package io.cvolsim.checker.model;

import io.cvolsim.checker.history.PairedOperation;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/** A grow-only set: {@code add} (value = the element), {@code read} (ok value = all elements). */
public final class SetModel implements Model {
  @Override
  public String name() {
    return "set";
  }

  @Override
  public Object initialState() {
    return Set.of();
  }

  @Override
  public Object step(Object state, PairedOperation operation) {
    Set<?> elements = (Set<?>) state;
    return switch (operation.f()) {
      case "add" -> {
        Set<Object> grown = new HashSet<>(elements);
        grown.add(Values.normalize(operation.input()));
        yield Collections.unmodifiableSet(grown);
      }
      case "read" -> !operation.hasKnownOutput()
          || elements.equals(normalizedSet((Collection<?>) operation.output()))
          ? state : ILLEGAL;
      default -> ILLEGAL;
    };
  }

  private static Set<Object> normalizedSet(Collection<?> values) {
    Set<Object> normalized = new HashSet<>();
    for (Object value : values) {
      normalized.add(Values.normalize(value));
    }
    return normalized;
  }

  @Override
  public String problemWith(PairedOperation operation) {
    return switch (operation.f()) {
      case "add" -> null;
      case "read" -> !operation.hasKnownOutput() || operation.output() instanceof Collection<?>
          ? null : "read needs a list or set of elements, got " + operation.output();
      default -> Values.unknownFunction(name(), operation.f());
    };
  }

  @Override
  public boolean mayChangeState(PairedOperation operation) {
    return !operation.f().equals("read");
  }

  @Override
  public long stateSizeBytes(Object state) {
    return 48 + 40L * ((Set<?>) state).size();
  }
}

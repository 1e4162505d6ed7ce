package io.cvolsim.checker.model;

import io.cvolsim.checker.history.PairedOperation;
import java.util.List;

/**
 * A single register: {@code read} (ok value = the value read), {@code write} (value = the new
 * value) and, for the cas-register, {@code cas} (value = [expected new]).
 *
 * <p>An ok read of nil follows Knossos when the initial value is not nil: the client did not
 * record what it read, so any state explains it. When the initial value is nil (an etcd key that
 * does not exist yet), nil is a value the register holds and a nil read must match it.
 *
 * <p>An ok cas whose result is {@code false} ran and found another value (Porcupine's reading
 * of etcd's failed CAS, see {@link io.cvolsim.checker.io.PorcupineEtcdReading}).
 */
public final class CasRegisterModel implements Model {
  private final String name;
  private final Object initialValue;
  private final boolean casAllowed;

  private CasRegisterModel(String name, Object initialValue, boolean casAllowed) {
    this.name = name;
    this.initialValue = Values.normalize(initialValue);
    this.casAllowed = casAllowed;
  }

  /** A register with read, write and cas. */
  public static CasRegisterModel casRegister(Object initialValue) {
    return new CasRegisterModel("cas-register", initialValue, true);
  }

  /** A register with read and write only. */
  public static CasRegisterModel register(Object initialValue) {
    return new CasRegisterModel("register", initialValue, false);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Object initialState() {
    return initialValue;
  }

  @Override
  public Object step(Object state, PairedOperation operation) {
    return switch (operation.f()) {
      case "read" -> !operation.hasKnownOutput() || reads(state, operation.output())
          ? state : ILLEGAL;
      case "write" -> Values.normalize(operation.input());
      case "cas" -> {
        List<?> expectedAndNew = Values.tuple(operation.input(), 2);
        boolean matches = Values.same(state, expectedAndNew.get(0));
        if (operation.hasKnownOutput() && Boolean.FALSE.equals(operation.output())) {
          yield matches ? ILLEGAL : state; // Porcupine's reading: it ran and found no match
        }
        yield matches ? Values.normalize(expectedAndNew.get(1)) : ILLEGAL;
      }
      default -> ILLEGAL;
    };
  }

  /** Whether an ok read of {@code valueRead} is explained by {@code state}. */
  boolean reads(Object state, Object valueRead) {
    if (valueRead == null && initialValue != null) {
      return true;
    }
    return Values.same(state, valueRead);
  }

  @Override
  public String problemWith(PairedOperation operation) {
    switch (operation.f()) {
      case "read", "write":
        return null;
      case "cas":
        if (!casAllowed) {
          return Values.unknownFunction(name, "cas");
        }
        return Values.tuple(operation.input(), 2) == null
            ? "cas needs a value [expected new], got " + operation.input() : null;
      default:
        return Values.unknownFunction(name, operation.f());
    }
  }

  @Override
  public boolean mayChangeState(PairedOperation operation) {
    return !operation.f().equals("read");
  }
}

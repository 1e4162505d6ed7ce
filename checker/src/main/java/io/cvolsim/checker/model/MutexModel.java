package io.cvolsim.checker.model;

import io.cvolsim.checker.history.PairedOperation;

/** A lock: {@code acquire} needs it free, {@code release} needs it held. State: held or not. */
public final class MutexModel implements Model {
  @Override
  public String name() {
    return "mutex";
  }

  @Override
  public Object initialState() {
    return Boolean.FALSE;
  }

  @Override
  public Object step(Object state, PairedOperation operation) {
    boolean held = (Boolean) state;
    return switch (operation.f()) {
      case "acquire" -> held ? ILLEGAL : Boolean.TRUE;
      case "release" -> held ? Boolean.FALSE : ILLEGAL;
      default -> ILLEGAL;
    };
  }

  @Override
  public String problemWith(PairedOperation operation) {
    return switch (operation.f()) {
      case "acquire", "release" -> null;
      default -> Values.unknownFunction(name(), operation.f());
    };
  }
}

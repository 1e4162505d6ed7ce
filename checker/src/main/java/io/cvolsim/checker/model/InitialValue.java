package io.cvolsim.checker.model;

/**
 * A model's initial value as the user gave it, or its absence. Unlike Optional it can hold nil,
 * which is a meaningful initial value (an etcd key that does not exist yet).
 *
 * @param given whether the user gave a value
 * @param value the value; null for nil or when not given
 */
public record InitialValue(boolean given, Object value) {
  private static final InitialValue NONE = new InitialValue(false, null);

  /** No value given: the model uses its default. */
  public static InitialValue none() {
    return NONE;
  }

  /** A value given by the user; may be null (nil). */
  public static InitialValue of(Object value) {
    return new InitialValue(true, value);
  }

  /** The given value, or the model's default. */
  public Object orElse(Object defaultValue) {
    return given ? value : defaultValue;
  }
}

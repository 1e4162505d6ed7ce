package io.cvolsim.kernel.api;

/** The result of a {@link SimFuture}: a value or a {@link Failure}. */
public sealed interface Outcome<T> {

  record Success<T>(T value) implements Outcome<T> {}

  record Failed<T>(Failure failure) implements Outcome<T> {}

  static <T> Outcome<T> success(T value) {
    return new Success<>(value);
  }

  static <T> Outcome<T> failed(Failure failure) {
    return new Failed<>(failure);
  }

  default boolean isSuccess() {
    return this instanceof Success<T>;
  }
}

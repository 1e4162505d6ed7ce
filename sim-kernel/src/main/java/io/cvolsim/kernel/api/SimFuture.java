package io.cvolsim.kernel.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A deterministic, single-threaded future. It completes inside a kernel event of the node that
 * owns it (a response arriving, a timer firing), and its callbacks run right then, in the order
 * they were added. A crashed owner's futures are abandoned: they fail without running callbacks,
 * because the code that would have continued no longer exists.
 */
public final class SimFuture<T> {
  private Outcome<T> outcome;
  private List<Consumer<Outcome<T>>> callbacks = new ArrayList<>();

  public static <T> SimFuture<T> pending() {
    return new SimFuture<>();
  }

  public static <T> SimFuture<T> succeeded(T value) {
    SimFuture<T> future = new SimFuture<>();
    future.complete(value);
    return future;
  }

  public static <T> SimFuture<T> failed(Failure failure) {
    SimFuture<T> future = new SimFuture<>();
    future.fail(failure);
    return future;
  }

  public boolean isDone() {
    return outcome != null;
  }

  /** The outcome; only valid once {@link #isDone()}. */
  public Outcome<T> outcome() {
    if (outcome == null) {
      throw new IllegalStateException("future is still pending");
    }
    return outcome;
  }

  /** Completes with a value; returns false if it had already completed (a late answer). */
  public boolean complete(T value) {
    return settle(Outcome.success(value));
  }

  public boolean fail(Failure failure) {
    return settle(Outcome.failed(Objects.requireNonNull(failure, "failure")));
  }

  /** Fails without running callbacks: their node is gone. */
  public void abandon(Failure failure) {
    if (outcome == null) {
      outcome = Outcome.failed(failure);
      callbacks = List.of();
    }
  }

  private boolean settle(Outcome<T> result) {
    if (outcome != null) {
      return false;
    }
    outcome = result;
    List<Consumer<Outcome<T>>> toRun = callbacks;
    callbacks = List.of();
    for (Consumer<Outcome<T>> callback : toRun) {
      callback.accept(result);
    }
    return true;
  }

  /** Runs the callback when the future completes, at once if it already has. */
  public void whenComplete(Consumer<Outcome<T>> callback) {
    if (outcome != null) {
      callback.accept(outcome);
    } else {
      callbacks.add(callback);
    }
  }

  public <U> SimFuture<U> map(Function<? super T, ? extends U> mapper) {
    SimFuture<U> next = new SimFuture<>();
    whenComplete(result -> {
      if (result instanceof Outcome.Success<T> success) {
        next.complete(mapper.apply(success.value()));
      } else {
        next.fail(((Outcome.Failed<T>) result).failure());
      }
    });
    return next;
  }

  public <U> SimFuture<U> flatMap(Function<? super T, SimFuture<U>> mapper) {
    SimFuture<U> next = new SimFuture<>();
    whenComplete(result -> {
      if (result instanceof Outcome.Success<T> success) {
        mapper.apply(success.value()).whenComplete(next::settle);
      } else {
        next.fail(((Outcome.Failed<T>) result).failure());
      }
    });
    return next;
  }

  /** Continues with the whole outcome, success or failure, as the next step. */
  public <U> SimFuture<U> thenHandle(Function<Outcome<T>, SimFuture<U>> handler) {
    SimFuture<U> next = new SimFuture<>();
    whenComplete(result -> handler.apply(result).whenComplete(next::settle));
    return next;
  }

  @Override
  public String toString() {
    return outcome == null ? "SimFuture[pending]" : "SimFuture[" + outcome + "]";
  }
}

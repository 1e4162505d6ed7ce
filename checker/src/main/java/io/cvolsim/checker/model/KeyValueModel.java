package io.cvolsim.checker.model;

import io.cvolsim.checker.history.PairedOperation;
import java.util.List;

/**
 * A key-value store, partitioned per key. Every value is a tuple {@code [key value]} (Jepsen's
 * "independent" convention; Porcupine's kv logs are read into it). Functions per key, see
 * {@link KeyValueRegister}: get/read, put/write, append and cas. Every key starts at the same
 * initial value: "" by default, as Porcupine's kv store does.
 */
public final class KeyValueModel {
  private KeyValueModel() {}

  /** The key-value model with every key starting at {@code initialValue}. */
  public static Model create(Object initialValue) {
    return new PartitionedModel("key-value", KeyValueModel::key, KeyValueModel::keyProblem,
        new KeyValueRegister(Values.normalize(initialValue)));
  }

  private static Object key(PairedOperation operation) {
    return Values.normalize(((List<?>) operation.input()).get(0));
  }

  private static String keyProblem(PairedOperation operation) {
    if (Values.tuple(operation.input(), 2) == null) {
      return "key-value needs a value [key value], got " + operation.input();
    }
    boolean read = operation.f().equals("get") || operation.f().equals("read");
    if (read && operation.hasKnownOutput() && Values.tuple(operation.output(), 2) == null) {
      return "key-value needs a completion value [key value], got " + operation.output();
    }
    return null;
  }
}

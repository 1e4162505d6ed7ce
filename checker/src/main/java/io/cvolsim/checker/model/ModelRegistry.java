package io.cvolsim.checker.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Models by name. {@link #standard()} holds the built-in ones; users add their own with
 * {@link #register}. A model is created per check with an optional initial value.
 */
public final class ModelRegistry {
  private final Map<String, Entry> entries = new TreeMap<>();

  /** Makes a model from the user's initial value, which may be absent. */
  @FunctionalInterface
  public interface ModelFactory {
    Model create(InitialValue initialValue);
  }

  private record Entry(String description, ModelFactory factory) {}

  /** A registry holding the built-in models. */
  public static ModelRegistry standard() {
    ModelRegistry registry = new ModelRegistry();
    registry.register("register", "read/write register; initial nil unless given",
        initial -> CasRegisterModel.register(initial.orElse(null)));
    registry.register("cas-register", "read/write/cas register; initial nil unless given",
        initial -> CasRegisterModel.casRegister(initial.orElse(null)));
    registry.register("mutex", "acquire/release lock, initially free", initial -> new MutexModel());
    registry.register("set", "add/read grow-only set, initially empty", initial -> new SetModel());
    registry.register("multi-register", "txn of [read|write key value]; initial map or value",
        initial -> new MultiRegisterModel(initial.orElse(null)));
    registry.register("key-value", "[key value] get/put/append/read/write/cas, per key; "
        + "initial \"\" unless given", initial -> KeyValueModel.create(initial.orElse("")));
    registry.register("cinder-volume", "Cinder volume status machine, per volume",
        initial -> CinderVolumeModel.create());
    return registry;
  }

  /** Adds or replaces a model. */
  public ModelRegistry register(String name, String description, ModelFactory factory) {
    entries.put(name, new Entry(description, factory));
    return this;
  }

  /**
   * Creates the named model.
   *
   * @throws IllegalArgumentException naming the known models, when the name is unknown
   */
  public Model create(String name, InitialValue initialValue) {
    Entry entry = entries.get(name);
    if (entry == null) {
      throw new IllegalArgumentException(
          "unknown model \"" + name + "\" (known: " + String.join(", ", entries.keySet()) + ")");
    }
    return entry.factory().create(initialValue);
  }

  /** Name to one-line description, sorted by name. */
  public Map<String, String> descriptions() {
    Map<String, String> descriptions = new TreeMap<>();
    entries.forEach((name, entry) -> descriptions.put(name, entry.description()));
    return Collections.unmodifiableMap(descriptions);
  }
}

package io.cvolsim.scenarios.swarm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Faults that each set one knob for a while (a link's profile, the database's deadlock ratio)
 * may overlap on the same knob. Each lasts as drawn: the latest still running is in force, and
 * when the last ends the knob is back at its base. Before, the first to end put the base back
 * under the others.
 *
 * @param <K> what names a knob
 * @param <V> what the knob takes
 */
final class FaultLayers<K extends Comparable<K>, V> {
  private record Layer<V>(long id, V value) {}

  private final V base;
  private final BiConsumer<K, V> apply;
  private final Map<K, List<Layer<V>>> layersByKnob = new TreeMap<>();
  private long lastId;

  /** {@code apply} sets a knob to a value. */
  FaultLayers(V base, BiConsumer<K, V> apply) {
    this.base = base;
    this.apply = apply;
  }

  /** Sets {@code knob} to {@code value} until {@link #end} is given the returned id. */
  long begin(K knob, V value) {
    long id = ++lastId;
    layersByKnob.computeIfAbsent(knob, ignored -> new ArrayList<>()).add(new Layer<>(id, value));
    apply.accept(knob, value);
    return id;
  }

  /** Ends one fault's layer; the knob changes only if that layer was the one in force. */
  void end(K knob, long id) {
    List<Layer<V>> layers = layersByKnob.getOrDefault(knob, List.of());
    int index = -1;
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).id() == id) {
        index = i;
      }
    }
    if (index < 0) {
      return;
    }
    boolean inForce = index == layers.size() - 1;
    layers.remove(index);
    if (inForce) {
      apply.accept(knob, layers.isEmpty() ? base : layers.get(layers.size() - 1).value());
    }
  }
}

package io.cvolsim.scenarios.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * The volume ids clients work on, shared by all clients of a run. Cinder gives every create a
 * fresh UUID; here each of a few slots has a generation, a create takes the next generation's id
 * and every other request targets the slot's newest id, so that clients keep contending on few
 * volumes while deleted ids are never reused.
 */
public final class VolumeIds {
  private final List<Integer> generations = new ArrayList<>();

  public VolumeIds(int slotCount) {
    for (int i = 0; i < slotCount; i++) {
      generations.add(0);
    }
  }

  public int slotCount() {
    return generations.size();
  }

  /** The slot's newest id (which may not have been created successfully). */
  public String current(int slot) {
    return id(slot, generations.get(slot));
  }

  /** A fresh id for a create on this slot; later requests on the slot target it. */
  public String next(int slot) {
    generations.set(slot, generations.get(slot) + 1);
    return current(slot);
  }

  private static String id(int slot, int generation) {
    return "vol-" + (slot + 1) + (generation == 0 ? "" : "." + generation);
  }
}

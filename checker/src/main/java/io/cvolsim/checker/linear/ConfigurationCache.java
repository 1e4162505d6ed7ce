package io.cvolsim.checker.linear;

import io.cvolsim.checker.model.Model;
import java.util.Arrays;

/**
 * Lowe's cache: the set of (linearized operations, model state) configurations already
 * explored. An open-addressing table keyed by a 64-bit hash of both; the bitset and the state
 * are compared in full on a hash match, so collisions cost time, never correctness.
 *
 * <p>It counts its entries and estimated bytes against a budget and refuses to grow past it;
 * the search then stops with UNKNOWN instead of running out of memory.
 */
final class ConfigurationCache {
  private static final int INITIAL_CAPACITY = 1 << 10;
  /** Per entry: the bitset array header, the slot's hash and two references. */
  private static final long ENTRY_OVERHEAD_BYTES = 16 + 8 + 8;

  private final Model model;
  private final long entriesMax;
  private final long bytesMax;
  private final int bitsetBytes;
  private long[] hashes = new long[INITIAL_CAPACITY];
  private long[][] bitsets = new long[INITIAL_CAPACITY][];
  private Object[] states = new Object[INITIAL_CAPACITY];
  private int size;
  private long bytes;

  /** @param model compares states */
  ConfigurationCache(Model model, long entriesMax, long bytesMax, int bitsetWords) {
    this.model = model;
    this.entriesMax = entriesMax;
    this.bytesMax = bytesMax;
    this.bitsetBytes = 8 * bitsetWords;
  }

  /** Thrown when adding would pass the budget. */
  static final class FullException extends Exception {
    FullException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Adds the configuration unless it is present.
   *
   * @return true when it was new
   */
  boolean add(long[] bitset, long hash, Object state, long stateSizeBytes) throws FullException {
    int mask = hashes.length - 1;
    int slot = (int) (hash ^ (hash >>> 32)) & mask;
    while (bitsets[slot] != null) {
      if (hashes[slot] == hash && Arrays.equals(bitsets[slot], bitset)
          && model.statesEqual(states[slot], state)) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    long entryBytes = ENTRY_OVERHEAD_BYTES + bitsetBytes + stateSizeBytes;
    if (size + 1 > entriesMax || bytes + entryBytes + tableBytes() > bytesMax) {
      throw new FullException("cache budget spent: " + size + " configurations, about "
          + (bytes + tableBytes()) / (1024 * 1024) + " MiB");
    }
    hashes[slot] = hash;
    bitsets[slot] = bitset.clone();
    states[slot] = state;
    size++;
    bytes += entryBytes;
    if (2 * size > hashes.length) {
      grow();
    }
    return true;
  }

  private long tableBytes() {
    return 16L * hashes.length;
  }

  private void grow() throws FullException {
    if (bytes + 2 * tableBytes() > bytesMax) {
      throw new FullException("cache budget spent: " + size + " configurations");
    }
    long[] oldHashes = hashes;
    long[][] oldBitsets = bitsets;
    Object[] oldStates = states;
    hashes = new long[oldHashes.length * 2];
    bitsets = new long[oldHashes.length * 2][];
    states = new Object[oldHashes.length * 2];
    int mask = hashes.length - 1;
    for (int old = 0; old < oldHashes.length; old++) {
      if (oldBitsets[old] == null) {
        continue;
      }
      int slot = (int) (oldHashes[old] ^ (oldHashes[old] >>> 32)) & mask;
      while (bitsets[slot] != null) {
        slot = (slot + 1) & mask;
      }
      hashes[slot] = oldHashes[old];
      bitsets[slot] = oldBitsets[old];
      states[slot] = oldStates[old];
    }
  }

  int size() {
    return size;
  }
}

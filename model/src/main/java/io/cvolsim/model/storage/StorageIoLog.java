package io.cvolsim.model.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The storage I/O log of one array: every call it received with caller, resources, true start
 * and end, outcome and fencing token, and the array's current objects (at the end of a run: the
 * final inventory). The harness creates it with the simulator's true clock; the array writes it;
 * checkers read it. Protocol code never reads it.
 */
public final class StorageIoLog {
  private final LongSupplier trueClock;
  private final List<IoLogEntry> entries = new ArrayList<>();
  private final SortedMap<String, StoredObject> inventory = new TreeMap<>();

  public StorageIoLog(LongSupplier trueClock) {
    this.trueClock = trueClock;
  }

  /** Records an accepted call starting now; returns its sequence number for {@link #end}. */
  long begin(IoCall call) {
    return begin(call, trueClock.getAsLong());
  }

  /** As {@link #begin(IoCall)}, for a call its caller sent at {@code issuedNanos}. */
  long begin(IoCall call, long issuedNanos) {
    IoLogEntry entry = new IoLogEntry(entries.size() + 1L, call, trueClock.getAsLong(),
        IoLogEntry.STILL_RUNNING, IoOutcome.RUNNING, "", null, issuedNanos);
    entries.add(entry);
    return entry.sequence();
  }

  /** Ends a running call now. */
  void end(long sequence, IoOutcome outcome, String detail, CopyRecord copy) {
    IoLogEntry running = entry(sequence);
    if (!running.isOpen()) {
      throw new IllegalStateException("entry already ended: " + running);
    }
    entries.set((int) sequence - 1, running.ended(trueClock.getAsLong(), outcome, detail, copy));
  }

  /** Records a call that ended as soon as it arrived (refused, or failed its preconditions). */
  long instant(IoCall call, IoOutcome outcome, String detail) {
    return instant(call, trueClock.getAsLong(), outcome, detail);
  }

  /** As {@link #instant(IoCall, IoOutcome, String)}, for a call its caller sent at {@code issuedNanos}. */
  long instant(IoCall call, long issuedNanos, IoOutcome outcome, String detail) {
    long sequence = begin(call, issuedNanos);
    end(sequence, outcome, detail, null);
    return sequence;
  }

  void objectChanged(StoredObject object) {
    inventory.put(object.id(), object);
  }

  void objectRemoved(String id) {
    inventory.remove(id);
  }

  public IoLogEntry entry(long sequence) {
    return entries.get((int) sequence - 1);
  }

  /** Every call in the order the array received them. */
  public List<IoLogEntry> entries() {
    return List.copyOf(entries);
  }

  /** Calls that have not ended: still running, or cut off by the end of the run. */
  public List<IoLogEntry> openEntries() {
    return entries.stream().filter(IoLogEntry::isOpen).toList();
  }

  /** The objects that exist on the array now, by id. */
  public SortedMap<String, StoredObject> inventory() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(inventory));
  }

  /** Every object's block versions, by id: the content half of the final report. */
  public SortedMap<String, Content> contents() {
    SortedMap<String, Content> contents = new TreeMap<>();
    for (Map.Entry<String, StoredObject> object : inventory.entrySet()) {
      contents.put(object.getKey(), object.getValue().content());
    }
    return Collections.unmodifiableSortedMap(contents);
  }

  /** The log as text, one entry per line, for traces and failure messages. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    entries.forEach(entry -> text.append(entry).append('\n'));
    return text.toString();
  }
}

package io.cvolsim.kernel.sim;

import java.util.Arrays;

/**
 * A binary min-heap of events ordered by (time, insertion sequence). The sequence breaks ties,
 * so events at the same instant run in the order they were scheduled, on every run.
 */
final class EventQueue {
  private long[] times = new long[1024];
  private long[] sequences = new long[1024];
  private Runnable[] actions = new Runnable[1024];
  private int size;
  private long nextSequence;

  void add(long timeNanos, Runnable action) {
    if (size == times.length) {
      int capacity = size * 2;
      times = Arrays.copyOf(times, capacity);
      sequences = Arrays.copyOf(sequences, capacity);
      actions = Arrays.copyOf(actions, capacity);
    }
    int index = size++;
    long sequence = nextSequence++;
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      if (!less(timeNanos, sequence, times[parent], sequences[parent])) {
        break;
      }
      move(parent, index);
      index = parent;
    }
    set(index, timeNanos, sequence, action);
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  /** Time of the earliest event; only valid when not empty. */
  long peekTime() {
    return times[0];
  }

  /** Removes the earliest event and returns its action; {@link #peekTime()} gave its time. */
  Runnable poll() {
    Runnable first = actions[0];
    size--;
    long lastTime = times[size];
    long lastSequence = sequences[size];
    Runnable lastAction = actions[size];
    actions[size] = null;
    int index = 0;
    int half = size >>> 1;
    while (index < half) {
      int child = 2 * index + 1;
      int right = child + 1;
      if (right < size && less(times[right], sequences[right], times[child], sequences[child])) {
        child = right;
      }
      if (!less(times[child], sequences[child], lastTime, lastSequence)) {
        break;
      }
      move(child, index);
      index = child;
    }
    if (size > 0) {
      set(index, lastTime, lastSequence, lastAction);
    }
    return first;
  }

  private static boolean less(long timeA, long sequenceA, long timeB, long sequenceB) {
    return timeA < timeB || (timeA == timeB && sequenceA < sequenceB);
  }

  private void move(int from, int to) {
    set(to, times[from], sequences[from], actions[from]);
  }

  private void set(int index, long time, long sequence, Runnable action) {
    times[index] = time;
    sequences[index] = sequence;
    actions[index] = action;
  }
}

package io.cvolsim.checker.linear;

import io.cvolsim.checker.history.PairedOperation;
import io.cvolsim.checker.model.Model;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * The Wing–Gong depth-first search for a linearization of one partition, with Lowe's cache of
 * (linearized set, state) configurations, as in Lowe's "Testing for linearizability" (2017).
 *
 * <p>Walking the event list from its head, a call is linearized when the model accepts it and
 * the resulting configuration is new; the walk then restarts from the head. Reaching a return
 * means the operation returned before anything explained it, so the last choice is undone. The
 * search succeeds when no return is left: operations with unknown outcome need not be placed.
 */
final class WglSearch {
  private static final int TIME_CHECK_INTERVAL = 1 << 12;
  private static final int LONGEST_KEPT = 4;
  private static final int INVOLVED_MAX = 12;
  /** Fixed seed: the same history hashes the same way on every run. */
  private static final long ZOBRIST_SEED = 0x5EED_C0DEL;

  private final Model model;
  private final List<PairedOperation> operations;
  private final EventList events;
  private final long deadlineNanos;
  private final BooleanSupplier abandoned;
  private final ConfigurationCache cache;
  private final long[] zobrist;
  private final long[] linearized;
  private long linearizedHash;
  private final int[] stackCalls;
  private final Object[] stackStates;
  private int depth;
  private int bestDepth = -1;
  private final List<PartialLinearization> longest = new ArrayList<>();
  private List<PairedOperation> involved = List.of();

  /** The reason given when another thread's verdict made this search pointless. */
  static final String ABANDONED = "abandoned: a smaller partition is not linearizable";

  /**
   * @param abandoned polled with the clock; true stops the search with reason {@link #ABANDONED}
   */
  WglSearch(Model model, List<PairedOperation> operations, Budget budget, long deadlineNanos,
      BooleanSupplier abandoned) {
    this.model = model;
    this.operations = operations;
    this.events = new EventList(operations);
    this.deadlineNanos = deadlineNanos;
    this.abandoned = abandoned;
    int words = Math.max(1, (operations.size() + 63) / 64);
    this.cache = new ConfigurationCache(model, budget.cacheEntriesMax(), budget.cacheBytesMax(),
        words);
    this.linearized = new long[words];
    this.zobrist = new long[operations.size()];
    SplittableRandom random = new SplittableRandom(ZOBRIST_SEED);
    for (int i = 0; i < zobrist.length; i++) {
      zobrist[i] = random.nextLong();
    }
    this.stackCalls = new int[operations.size()];
    this.stackStates = new Object[operations.size()];
  }

  /** Runs the search to a verdict; never throws for a spent budget. */
  PartitionResult run(String partition) {
    try {
      boolean linearizable = search();
      Witness witness = linearizable ? null
          : new Witness(partition, operations.size(), involved, longest);
      Verdict verdict = linearizable ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE;
      return new PartitionResult(partition, verdict, operations.size(), cache.size(), witness,
          null);
    } catch (ConfigurationCache.FullException | SearchStopped spent) {
      return new PartitionResult(partition, Verdict.UNKNOWN, operations.size(), cache.size(),
          null, spent.getMessage());
    } catch (OutOfMemoryError heapExhausted) {
      // A safety net only: the cache budget normally stops the search long before this, but a
      // model whose stateSizeBytes underestimates its states could still fill the heap. The
      // failed allocation was a large one (a table or a state), so a little memory is left.
      return new PartitionResult(partition, Verdict.UNKNOWN, operations.size(), -1, null,
          "heap exhausted; lower the cache budget");
    }
  }

  private static final class SearchStopped extends Exception {
    SearchStopped(String message) {
      super(message, null, false, false);
    }
  }

  private boolean search() throws ConfigurationCache.FullException, SearchStopped {
    Object state = model.initialState();
    int event = events.next[events.head];
    long steps = 0;
    while (event != EventList.NONE) {
      if ((++steps & (TIME_CHECK_INTERVAL - 1)) == 0) {
        checkLimits(steps);
      }
      if (events.isCall[event]) {
        Object next = model.step(state, operations.get(events.operationOf[event]));
        if (next != Model.ILLEGAL && isNewConfiguration(events.operationOf[event], next)) {
          stackCalls[depth] = event;
          stackStates[depth++] = state;
          state = next;
          events.lift(event);
          event = events.next[events.head];
        } else {
          event = events.next[event];
        }
        continue;
      }
      noteStuck(event, state);
      if (depth == 0) {
        return false;
      }
      int call = stackCalls[--depth];
      state = stackStates[depth];
      stackStates[depth] = null;
      flip(events.operationOf[call]);
      events.unlift(call);
      event = events.next[call];
    }
    return true;
  }

  private void checkLimits(long steps) throws SearchStopped {
    if (System.nanoTime() > deadlineNanos) {
      throw new SearchStopped("time budget spent after " + steps + " search steps");
    }
    if (abandoned.getAsBoolean()) {
      throw new SearchStopped(ABANDONED);
    }
  }

  /** Marks the operation linearized if that gives a configuration not seen before. */
  private boolean isNewConfiguration(int operation, Object state)
      throws ConfigurationCache.FullException {
    flip(operation);
    long hash = linearizedHash ^ (model.stateHash(state) * 0x9E3779B97F4A7C15L);
    if (cache.add(linearized, hash, state, model.stateSizeBytes(state))) {
      return true;
    }
    flip(operation);
    return false;
  }

  private void flip(int operation) {
    linearized[operation >>> 6] ^= 1L << operation;
    linearizedHash ^= zobrist[operation];
  }

  /** Remembers the longest partial linearizations, one per distinct state, for the witness. */
  private void noteStuck(int returnEvent, Object state) {
    if (depth < bestDepth) {
      return;
    }
    if (depth > bestDepth) {
      bestDepth = depth;
      longest.clear();
      involved = involvedWith(operations.get(events.operationOf[returnEvent]));
    }
    if (longest.size() >= LONGEST_KEPT) {
      return;
    }
    for (PartialLinearization kept : longest) {
      if (model.statesEqual(kept.stateReached(), state)) {
        return;
      }
    }
    List<PairedOperation> prefix = new ArrayList<>(depth);
    for (int i = 0; i < depth; i++) {
      prefix.add(operations.get(events.operationOf[stackCalls[i]]));
    }
    PairedOperation blocked = operations.get(events.operationOf[returnEvent]);
    longest.add(new PartialLinearization(prefix, state, blocked));
  }

  /**
   * The operation that could not be linearized and those overlapping it in real time, which
   * are the candidates for the orders tried before it (at most a dozen, nearest first).
   */
  private List<PairedOperation> involvedWith(PairedOperation blocked) {
    List<PairedOperation> overlapping = new ArrayList<>();
    for (PairedOperation operation : operations) {
      boolean startsBeforeItEnds = operation.invocationPosition() < blocked.completionPosition();
      boolean endsAfterItStarts = !operation.hasKnownOutput()
          || operation.completionPosition() > blocked.invocationPosition();
      if (startsBeforeItEnds && endsAfterItStarts) {
        overlapping.add(operation);
      }
    }
    overlapping.sort(Comparator.comparingInt(
        operation -> Math.abs(operation.invocationPosition() - blocked.invocationPosition())));
    List<PairedOperation> nearest =
        new ArrayList<>(overlapping.subList(0, Math.min(INVOLVED_MAX, overlapping.size())));
    nearest.sort(Comparator.comparingInt(PairedOperation::id));
    return nearest;
  }
}

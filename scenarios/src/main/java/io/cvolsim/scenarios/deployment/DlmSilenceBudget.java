package io.cvolsim.scenarios.deployment;

import io.cvolsim.kernel.api.Durations;
import io.cvolsim.kernel.api.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How long the nemeses keep one node from reaching the DLM ({@code nemesis.dlm_silence_max}): a
 * stall, a cut from the DLM, or a split that puts the node apart from it. A lease outlives its
 * holder's silence only if the silence, plus the heart's period before it, stays under the
 * lease; faults that follow each other closer than one heart period add up to one silence, as
 * the lease sees them (hardened seed 1219: an 85 s stall, then a cut from etcd before the heart
 * could beat). A new silence is cut so that its episode keeps within the budget, or dropped when
 * none is left. Silences start in time order, as the nemeses inject them.
 */
public final class DlmSilenceBudget {
  /** The heart beats at least this often while it can reach the DLM (half of Tooz's 30 s membership timeout). */
  static final long HEART_PERIOD_NANOS = Durations.seconds(15);
  private final long budgetNanos;
  private final SortedMap<NodeId, List<long[]>> silencesByNode = new TreeMap<>();

  public DlmSilenceBudget(long budgetNanos) {
    this.budgetNanos = budgetNanos;
  }

  /**
   * Records that {@code node} goes silent from {@code startNanos} and returns when the silence
   * must end: {@code endNanos}, earlier to keep within the budget, or {@code startNanos} when the
   * fault must not happen at all.
   */
  public long allow(NodeId node, long startNanos, long endNanos) {
    List<long[]> silences = silencesByNode.computeIfAbsent(node, ignored -> new ArrayList<>());
    long allowedEndNanos = Math.min(endNanos, episodeStart(silences, startNanos) + budgetNanos);
    if (allowedEndNanos <= startNanos) {
      return startNanos;
    }
    silences.add(new long[] {startNanos, allowedEndNanos});
    return allowedEndNanos;
  }

  /** The same silence for several nodes at once (a split): the shortest allowance holds for all. */
  public long allowAll(List<NodeId> nodes, long startNanos, long endNanos) {
    long allowedEndNanos = endNanos;
    for (NodeId node : nodes) {
      allowedEndNanos = Math.min(allowedEndNanos, episodeStart(silencesByNode.getOrDefault(node, List.of()),
          startNanos) + budgetNanos);
    }
    if (allowedEndNanos <= startNanos) {
      return startNanos;
    }
    for (NodeId node : nodes) {
      allow(node, startNanos, allowedEndNanos);
    }
    return allowedEndNanos;
  }

  /** Walks back through silences that end within a heart period of the episode's start. */
  private static long episodeStart(List<long[]> silences, long startNanos) {
    long episodeStartNanos = startNanos;
    boolean joined = true;
    while (joined) {
      joined = false;
      for (long[] silence : silences) {
        if (silence[0] < episodeStartNanos && silence[1] + HEART_PERIOD_NANOS >= episodeStartNanos) {
          episodeStartNanos = silence[0];
          joined = true;
        }
      }
    }
    return episodeStartNanos;
  }
}

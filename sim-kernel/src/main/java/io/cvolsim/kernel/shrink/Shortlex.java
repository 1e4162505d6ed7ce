package io.cvolsim.kernel.shrink;

import io.cvolsim.kernel.choice.Draw;
import java.util.List;

/**
 * The order in which one draw sequence is simpler than another: fewer draws first, then, at the
 * first difference, the value nearer its lower bound. Shrinking only ever moves down this order,
 * which is well-founded, so it terminates without a budget too.
 */
public final class Shortlex {
  private Shortlex() {}

  /** Negative when {@code a} is simpler than {@code b}, zero when equally simple. */
  public static int compare(List<Draw> a, List<Draw> b) {
    if (a.size() != b.size()) {
      return Integer.compare(a.size(), b.size());
    }
    for (int i = 0; i < a.size(); i++) {
      int order = Long.compareUnsigned(distance(a.get(i)), distance(b.get(i)));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  public static boolean simpler(List<Draw> a, List<Draw> b) {
    return compare(a, b) < 0;
  }

  /** How far a value is from its simplest; unsigned, since a full-range draw spans 2^64 values. */
  static long distance(Draw draw) {
    return draw.value() - draw.min();
  }
}

package io.cvolsim.model.volume;

import io.cvolsim.model.storage.FencingToken;
import io.cvolsim.model.workers.WorkerEntry;

/**
 * Fencing tokens made from a workers row version: the row id in the high bits, race_preventer in
 * the low ones. Row ids grow with every new operation on a resource and every claim bumps
 * race_preventer, so a resource's tokens only grow, and an older claimant's calls can be refused
 * by the array and recognized by the checkers.
 */
public final class RowVersionTokens {
  private static final int RACE_PREVENTER_BITS = 24;
  private static final long RACE_PREVENTER_MASK = (1L << RACE_PREVENTER_BITS) - 1;

  private RowVersionTokens() {}

  public static FencingToken of(WorkerEntry row) {
    return new FencingToken(row.resourceId(), (row.id() << RACE_PREVENTER_BITS) | (row.racePreventer() & RACE_PREVENTER_MASK));
  }

  public static long rowId(FencingToken token) {
    return token.value() >>> RACE_PREVENTER_BITS;
  }

  public static long racePreventer(FencingToken token) {
    return token.value() & RACE_PREVENTER_MASK;
  }
}

package io.cvolsim.model.api;

import io.cvolsim.model.db.Assignment;
import io.cvolsim.model.db.Condition;
import java.util.List;

/**
 * One row of reference §2.2: what a request expects of the volume row, what it writes, and the
 * work it hands on when it succeeds (null when the request finishes at the API).
 */
public record Transition(Condition expected, List<Assignment> values, VolumeJob job) {
  public Transition {
    values = List.copyOf(values);
  }
}

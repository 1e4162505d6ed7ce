package io.cvolsim.scenarios.properties;

import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.Operation;
import io.cvolsim.checker.history.OperationType;
import io.cvolsim.scenarios.workload.CompletionRecorder;
import java.util.Map;

/**
 * Where the history shows an admin's reset-state, which writes a status with no conditions. The
 * history records it as the volume model's {@code complete} from a client or the operator, as
 * opposed to a volume service's completion (see {@link StatusAnchor}).
 */
final class AdminResets {
  private AdminResets() {}

  /** Whether a reset-state of {@code volumeId} was asked for at or after {@code sinceNanos}. */
  static boolean resetSince(History history, String volumeId, long sinceNanos) {
    for (Operation operation : history.operations()) {
      if (operation.type() == OperationType.INVOKE && operation.f().equals("complete")
          && !CompletionRecorder.isCompletionWriter(operation.process()) && operation.timeNanos() >= sinceNanos
          && operation.value() instanceof Map<?, ?> value && volumeId.equals(value.get("volume"))) {
        return true;
      }
    }
    return false;
  }
}

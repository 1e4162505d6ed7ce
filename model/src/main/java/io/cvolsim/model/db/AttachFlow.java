package io.cvolsim.model.db;

import io.cvolsim.model.config.ManagerCompletion;

/**
 * Where a status that ends an attach or detach may land. Cinder saves the loaded volume: any
 * live row. Under CAS completions (V19's rule applied to the attach flow) not over a delete that
 * took the volume meanwhile. Another transition under way (a retype, an extend) is written over
 * either way, so that its own CAS completion is the one refused and the status stays the one the
 * attachments give.
 */
public final class AttachFlow {
  private AttachFlow() {}

  public static Condition endingMayLand(ManagerCompletion completion) {
    Condition live = Condition.notEq("deleted", true);
    return completion == ManagerCompletion.BLIND ? live
        : Condition.all(live, Condition.notIn("status", "deleting", "error_deleting"));
  }
}

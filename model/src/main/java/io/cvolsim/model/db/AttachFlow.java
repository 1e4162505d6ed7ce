package io.cvolsim.model.db;

/**
 * Where a status that ends an attach or detach may land under CAS completions (V19's rule applied
 * to the attach flow): on a live volume that no delete has taken over. Another transition under
 * way (a retype, an extend) is written over as Cinder does, so that its own CAS completion is the
 * one refused and the status stays the one the attachments give.
 */
public final class AttachFlow {
  private AttachFlow() {}

  public static Condition notBeingDeleted() {
    return Condition.all(Condition.notEq("deleted", true),
        Condition.notIn("status", "deleting", "error_deleting"));
  }
}

package io.cvolsim.model.api;

import static io.cvolsim.model.db.Condition.all;
import static io.cvolsim.model.db.Condition.eq;
import static io.cvolsim.model.db.Condition.in;
import static io.cvolsim.model.db.Condition.notEq;

import io.cvolsim.model.config.SourceDelete;
import io.cvolsim.model.config.UnreserveAttachments;
import io.cvolsim.model.db.Assignment;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import java.util.ArrayList;
import java.util.List;

/**
 * The API-side transitions of reference §2.2, with Cinder's exact expected values and filters
 * (cinder/volume/api.py). Every condition is implicitly {@code AND id = <volume id>}.
 */
public final class VolumeTransitions {
  /** Cinder's {@code AVAILABLE_MIGRATION_STATUS}: "not migrating". */
  static final Condition NOT_MIGRATING = in("migration_status", null, "deleting", "error", "success");

  static final Condition NO_SNAPSHOTS = new Condition.NoLiveChild(Database.SNAPSHOTS, "volume_id");

  static final Condition HAS_ATTACHMENTS = new Condition.HasAttachments(Database.ATTACHMENTS, "volume_id");

  static final Condition NO_GROUP = all(
      in("consistencygroup_id", null, ""), in("group_id", null, ""));

  private VolumeTransitions() {}

  /** The transition for a state-changing request; {@code nowNanos} is the API node's clock. */
  public static Transition of(VolumeRequest request, long nowNanos) {
    return of(request, nowNanos, SourceDelete.QUEUE, UnreserveAttachments.ATTACHED);
  }

  /**
   * As {@link #of(VolumeRequest, long)}, with V14's choice for deleting a clone's source and which
   * attachment rows keep an unreserved volume in-use.
   */
  public static Transition of(VolumeRequest request, long nowNanos, SourceDelete sourceDelete,
      UnreserveAttachments unreserve) {
    String id = request.volumeId();
    if (request instanceof VolumeRequest.Delete delete) {
      Transition transition = delete(id, delete.force(), nowNanos);
      return sourceDelete == SourceDelete.QUEUE ? transition : new Transition(
          all(transition.expected(), new Condition.NotASourceInProgress(Database.VOLUMES, "source_volid")),
          transition.values(), transition.job());
    }
    if (request instanceof VolumeRequest.Extend extend) {
      return new Transition(eq("status", "available"), transitional("extending"),
          new VolumeJob.ExtendVolume(id, extend.newSizeGb()));
    }
    if (request instanceof VolumeRequest.Reserve) {
      return new Transition(all(eq("multiattach", false), eq("status", "available")),
          List.of(Assignment.set("status", "attaching")), new VolumeJob.AttachVolume(id));
    }
    if (request instanceof VolumeRequest.Unreserve) {
      return unreserve(unreserve);
    }
    if (request instanceof VolumeRequest.BeginDetaching) {
      return new Transition(all(eq("status", "in-use"), eq("attach_status", "attached"), NOT_MIGRATING),
          List.of(Assignment.set("status", "detaching")), new VolumeJob.DetachVolume(id));
    }
    if (request instanceof VolumeRequest.RollDetaching) {
      return new Transition(eq("status", "detaching"), List.of(Assignment.set("status", "in-use")), null);
    }
    if (request instanceof VolumeRequest.Retype retype) {
      return new Transition(all(in("status", "available", "in-use"), NOT_MIGRATING, NO_GROUP,
          notEq("volume_type_id", retype.newVolumeTypeId())),
          transitional("retyping"), new VolumeJob.RetypeVolume(id, retype.newVolumeTypeId()));
    }
    if (request instanceof VolumeRequest.Migrate migrate) {
      return migrate(id, migrate.destinationHost());
    }
    throw new IllegalArgumentException("not a state-changing request: " + request);
  }

  /** attach_status stands for an attached row: volume_attached writes both in one transaction. */
  private static Transition unreserve(UnreserveAttachments counted) {
    List<Assignment.Case.When> inUse = new ArrayList<>(
        List.of(new Assignment.Case.When(eq("attach_status", "attached"), "in-use")));
    if (counted == UnreserveAttachments.NOT_DETACHED) {
      inUse.add(new Assignment.Case.When(HAS_ATTACHMENTS, "in-use"));
    }
    return new Transition(eq("status", "attaching"), List.of(new Assignment.Case("status", inUse, "available")),
        null);
  }

  private static List<Assignment> transitional(String status) {
    return List.of(new Assignment.CopyOf("previous_status", "status"), Assignment.set("status", status));
  }

  private static Transition delete(String id, boolean force, long nowNanos) {
    Condition common = all(notEq("attach_status", "attached"), NOT_MIGRATING,
        eq("consistencygroup_id", null), eq("group_id", null), NO_SNAPSHOTS);
    Condition expected = force ? common : all(common,
        in("status", "available", "error", "error_restoring", "error_extending", "error_managing"));
    List<Assignment> values = List.of(
        new Assignment.Case("status",
            List.of(new Assignment.Case.When(eq("status", "error_managing"), "error_managing_deleting")),
            "deleting"),
        Assignment.set("terminated_at", nowNanos));
    return new Transition(expected, values, new VolumeJob.DeleteVolume(id));
  }

  private static Transition migrate(String id, String destinationHost) {
    Condition expected = all(in("status", "available", "in-use"), NOT_MIGRATING,
        in("replication_status", null, "disabled", "not-capable"), NO_GROUP,
        notEq("host", destinationHost), NO_SNAPSHOTS);
    return new Transition(expected, List.of(new Assignment.CopyOf("previous_status", "status"),
        Assignment.set("migration_status", "starting")),
        new VolumeJob.MigrateVolume(id, destinationHost));
  }
}

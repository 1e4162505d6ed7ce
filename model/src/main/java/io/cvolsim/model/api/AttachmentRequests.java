package io.cvolsim.model.api;

import static io.cvolsim.model.db.Condition.all;
import static io.cvolsim.model.db.Condition.eq;
import static io.cvolsim.model.db.Condition.in;
import static io.cvolsim.model.db.Condition.notEq;

import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.api.ApiResponse.Code;
import io.cvolsim.model.config.AttachmentDeleteStatus;
import io.cvolsim.model.db.Condition;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.rpc.VolumeRpc;
import java.util.SortedMap;

/**
 * The API's half of the attachments API (reference §2.2 row "attachment reserve", §2.3, §10):
 * reserve, complete and the synchronous delete; update, with its lock, is {@link AttachmentUpdater}.
 */
final class AttachmentRequests {
  private final NodeContext context;
  private final DbClient db;
  private final VolumeCalls calls;
  private final AttachmentApiOptions options;
  private final ObservedVolumeWrite volumes;
  private final AttachmentUpdater updater;

  AttachmentRequests(NodeContext context, DbClient db, JobDispatcher dispatcher, AttachmentApiOptions options) {
    this.context = context;
    this.db = db;
    this.calls = new VolumeCalls(context, dispatcher, options.detachReturnDelayMaxNanos());
    this.options = options;
    this.volumes = new ObservedVolumeWrite(context, db, options.statusWrites());
    this.updater = new AttachmentUpdater(context, db, dispatcher, options);
  }

  /** Handles the request when it is an attachments API call; null otherwise. */
  SimFuture<ApiResponse> handle(VolumeRequest request, Row volume) {
    if (request instanceof VolumeRequest.AttachmentReserve reserve) {
      return reserve(reserve, volume);
    }
    if (request instanceof VolumeRequest.AttachmentUpdate update) {
      return updater.update(update, volume);
    }
    if (request instanceof VolumeRequest.AttachmentComplete complete) {
      return complete(complete, volume);
    }
    if (request instanceof VolumeRequest.AttachmentDelete delete) {
      return delete(delete, volume);
    }
    return null;
  }

  /** The attachments of a volume that are not deleted. */
  static Condition liveOf(String volumeId) {
    return all(eq("volume_id", volumeId), notEq("deleted", true));
  }

  /**
   * The reserve CAS, then the new row. A CAS that fails because this instance already holds the
   * volume is overridden (LP 1694530): the row is written anyway, which is how one instance gets
   * two attachments of one volume and why attachment_update must check for duplicates.
   */
  private SimFuture<ApiResponse> reserve(VolumeRequest.AttachmentReserve request, Row volume) {
    boolean multiattach = volume.isTrue("multiattach");
    Condition expected = all(eq("multiattach", multiattach), multiattach
        ? in("status", "available", "downloading", "in-use") : in("status", "available", "downloading"));
    return volumes.write(request.volumeId(), expected, Row.values("status", "reserved"))
        .flatMap(reserved -> reserved ? SimFuture.succeeded(true) : heldByInstance(request))
        .flatMap(allowed -> {
          if (!allowed) {
            context.probe("api.attachment-reserve-rejected");
            return SimFuture.succeeded(new ApiResponse(Code.REJECTED, "invalid volume for a reserve", volume));
          }
          return db.insert(Database.ATTACHMENTS, Row.values("id", request.attachmentId(), "volume_id",
                  request.volumeId(), "instance_uuid", request.instanceUuid(), "attach_status", "reserved",
                  "deleted", false))
              .map(inserted -> inserted == null ? ApiResponse.of(Code.CONFLICT, "attachment exists")
                  : new ApiResponse(Code.ACCEPTED, "attachment-reserve", volume));
        });
  }

  private SimFuture<Boolean> heldByInstance(VolumeRequest.AttachmentReserve request) {
    return db.select(Database.ATTACHMENTS, all(liveOf(request.volumeId()), eq("instance_uuid", request.instanceUuid())))
        .map(held -> {
          if (!held.isEmpty()) {
            context.probe("api.attachment-reserve-overridden");
          }
          return !held.isEmpty();
        });
  }

  /** os-complete: the attachment attached, the volume in-use, both written by the API. */
  private SimFuture<ApiResponse> complete(VolumeRequest.AttachmentComplete request, Row volume) {
    return liveAttachment(request.attachmentId()).flatMap(attachment -> attachment == null
        ? SimFuture.succeeded(ApiResponse.of(Code.NOT_FOUND, "attachment " + request.attachmentId()))
        : db.save(Database.ATTACHMENTS, request.attachmentId(), Row.values("attach_status", "attached"))
            .flatMap(saved -> volumes.writeEnding(request.volumeId(),
                Row.values("status", "in-use", "attach_status", "attached"), options.completion()))
            .map(ending -> ending != ObservedVolumeWrite.Ending.VOLUME_GONE
                ? new ApiResponse(Code.ACCEPTED, "attachment-complete", volume)
                : ApiResponse.of(Code.NOT_FOUND, "volume " + request.volumeId())));
  }

  /**
   * Synchronous delete. An attachment with no connection (reserved, or its export failed) needs no
   * c-vol, so the API removes it and writes the status alone; any other is c-vol's to detach,
   * through an RPC call, and {@link AttachmentDeleteStatus} says whether the API writes the status
   * again afterwards.
   */
  private SimFuture<ApiResponse> delete(VolumeRequest.AttachmentDelete request, Row volume) {
    return liveAttachment(request.attachmentId()).flatMap(attachment -> {
      if (attachment == null) {
        return SimFuture.succeeded(ApiResponse.of(Code.NOT_FOUND, "attachment " + request.attachmentId()));
      }
      if (attachment.get("attached_host") == null) {
        // Reserved, or its export failed: no connection exists, so c-vol has nothing to end.
        return db.save(Database.ATTACHMENTS, request.attachmentId(), Row.values("attach_status", "detached",
            "deleted", true)).flatMap(removed -> finalStatus(request, volume));
      }
      VolumeRpc.AttachmentDelete call = new VolumeRpc.AttachmentDelete(request.volumeId(), request.attachmentId(),
          attachment.string("attached_host"));
      return calls.call(call, volume).flatMap(detached ->
          options.deleteStatus() == AttachmentDeleteStatus.C_VOL
              ? SimFuture.succeeded(new ApiResponse(Code.ACCEPTED, "attachment-delete", volume))
              : finalStatus(request, volume));
    });
  }

  /**
   * The API's own write of the status left by the remaining attachments. On a volume deleted
   * meanwhile it is VolumeNotFound, a 404, though the detach itself took place (LP #1937084).
   */
  private SimFuture<ApiResponse> finalStatus(VolumeRequest.AttachmentDelete request, Row volume) {
    return db.select(Database.ATTACHMENTS, liveOf(request.volumeId())).flatMap(left -> {
      SortedMap<String, Object> status = left.isEmpty() ? Row.values("status", "available", "attach_status", "detached")
          : Row.values("status", "in-use", "attach_status", "attached");
      return volumes.writeEnding(request.volumeId(), status, options.completion());
    }).map(ending -> {
      if (ending == ObservedVolumeWrite.Ending.VOLUME_GONE) {
        context.probe("api.attachment-delete-volume-vanished");
        return ApiResponse.of(Code.NOT_FOUND, "VolumeNotFound " + request.volumeId() + " after its detach");
      }
      return new ApiResponse(Code.ACCEPTED, "attachment-delete", volume);
    });
  }

  private SimFuture<Row> liveAttachment(String attachmentId) {
    return db.get(Database.ATTACHMENTS, attachmentId).map(row -> row == null || row.isTrue("deleted") ? null : row);
  }
}

package io.cvolsim.model.api;

import static io.cvolsim.model.db.Condition.all;
import static io.cvolsim.model.db.Condition.eq;
import static io.cvolsim.model.db.Condition.in;
import static io.cvolsim.model.db.Condition.notEq;

import io.cvolsim.kernel.api.NodeContext;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.api.ApiResponse.Code;
import io.cvolsim.model.config.AttachmentLock;
import io.cvolsim.model.db.Database;
import io.cvolsim.model.db.DbClient;
import io.cvolsim.model.db.Row;
import io.cvolsim.model.dlm.LockCoordinator;
import io.cvolsim.model.dlm.LockWait;
import io.cvolsim.model.rpc.VolumeRpc;
import java.util.List;

/**
 * The API's attachment_update (reference §2.2, §7 lock table, §10 LP #1833736): with the
 * connector, under {@code attachment_update-<volume>-<host>}, back out this attachment when the
 * same instance already has one further along, else call c-vol to export and mark it attaching.
 * Without the lock (the code before 2019) there is no check either.
 */
final class AttachmentUpdater {
  private final NodeContext context;
  private final DbClient db;
  private final VolumeCalls calls;
  private final AttachmentApiOptions options;
  /** Made only when the lock is on: a coordinator of a backend with a server talks to it. */
  private final LockCoordinator locks;

  AttachmentUpdater(NodeContext context, DbClient db, JobDispatcher dispatcher, AttachmentApiOptions options) {
    this.context = context;
    this.db = db;
    this.calls = new VolumeCalls(context, dispatcher, 0);
    this.options = options;
    this.locks = options.lock() == AttachmentLock.DLM
        ? new LockCoordinator(context, options.dlm(), options.lockLog()) : null;
  }

  /** The lock's name as Cinder spells it. */
  static String lockName(String volumeId, String connectorHost) {
    return "attachment_update-" + volumeId + "-" + connectorHost;
  }

  SimFuture<ApiResponse> update(VolumeRequest.AttachmentUpdate request, Row volume) {
    if (locks == null) {
      return liveAttachment(request).flatMap(attachment -> attachment == null ? notFound(request)
          : callVolume(request, volume));
    }
    return locks.synchronizedOn(List.of(lockName(request.volumeId(), request.connectorHost())), LockWait.forever(),
        "attachment_update", () -> liveAttachment(request).flatMap(attachment -> attachment == null
            ? notFound(request) : backOutDuplicate(request, attachment, volume)));
  }

  /**
   * Another live attachment of this instance that already went past reserved makes this one the
   * duplicate: it is removed and the caller told so, which Cinder preferred to two attachments.
   */
  private SimFuture<ApiResponse> backOutDuplicate(VolumeRequest.AttachmentUpdate request, Row attachment, Row volume) {
    return db.select(Database.ATTACHMENTS, all(AttachmentRequests.liveOf(request.volumeId()),
            eq("instance_uuid", attachment.get("instance_uuid")), notEq("id", request.attachmentId()),
            in("attach_status", "attaching", "attached")))
        .flatMap(others -> {
          if (!locks.keepsEveryLock()) {
            // Nothing written yet: a 500 before any change, as when the DLM raises.
            return SimFuture.succeeded(ApiResponse.of(Code.ERROR, "lock " + lockName(request.volumeId(),
                request.connectorHost()) + " given up: its lease may have run out"));
          }
          if (others.isEmpty()) {
            return callVolume(request, volume);
          }
          context.probe("api.attachment-duplicate-backed-out");
          // Destroyed as it is: its attach_status stays, unlike a detached attachment's.
          return db.save(Database.ATTACHMENTS, request.attachmentId(), Row.values("deleted", true))
              .map(removed -> new ApiResponse(Code.REJECTED, "duplicate attachment of "
                  + attachment.get("instance_uuid"), volume));
        });
  }

  private SimFuture<ApiResponse> callVolume(VolumeRequest.AttachmentUpdate request, Row volume) {
    return calls.call(new VolumeRpc.AttachmentUpdate(request.volumeId(), request.attachmentId(),
            request.connectorHost()), volume)
        .map(exported -> new ApiResponse(Code.ACCEPTED, "attachment-update", volume));
  }

  private SimFuture<Row> liveAttachment(VolumeRequest.AttachmentUpdate request) {
    return db.get(Database.ATTACHMENTS, request.attachmentId())
        .map(row -> row == null || row.isTrue("deleted") ? null : row);
  }

  private static SimFuture<ApiResponse> notFound(VolumeRequest.AttachmentUpdate request) {
    return SimFuture.succeeded(ApiResponse.of(Code.NOT_FOUND, "attachment " + request.attachmentId()));
  }
}

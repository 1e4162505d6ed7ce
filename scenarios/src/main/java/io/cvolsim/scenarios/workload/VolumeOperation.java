package io.cvolsim.scenarios.workload;

import io.cvolsim.model.api.ApiResponse;
import io.cvolsim.model.api.VolumeRequest;
import io.cvolsim.model.db.Row;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a volume request and its answer appear in the history the checker reads: the operation
 * name is the request's, and values are maps keyed by the checker's volume-model field names.
 */
public final class VolumeOperation {
  private VolumeOperation() {}

  /** The value of the invocation. */
  public static SortedMap<String, Object> invocationValue(VolumeRequest request) {
    SortedMap<String, Object> value = new TreeMap<>();
    value.put("volume", request.volumeId());
    if (request instanceof VolumeRequest.Create create) {
      value.put("volume_type", create.volumeTypeId());
    } else if (request instanceof VolumeRequest.Retype retype) {
      value.put("volume_type", retype.newVolumeTypeId());
    } else if (request instanceof VolumeRequest.ResetState reset) {
      value.put("status", reset.status());
    } else if (attachmentIdOf(request) != null) {
      value.put("attachment", attachmentIdOf(request));
    }
    return value;
  }

  /** The attachment an attachments API request names, or null for any other request. */
  public static String attachmentIdOf(VolumeRequest request) {
    if (request instanceof VolumeRequest.AttachmentReserve reserve) {
      return reserve.attachmentId();
    }
    if (request instanceof VolumeRequest.AttachmentUpdate update) {
      return update.attachmentId();
    }
    if (request instanceof VolumeRequest.AttachmentComplete complete) {
      return complete.attachmentId();
    }
    return request instanceof VolumeRequest.AttachmentDelete delete ? delete.attachmentId() : null;
  }

  /**
   * Whether the volume model judges this request. Snapshot requests change snapshots, which the
   * volume model does not track; leaving them out only makes the model more permissive.
   */
  public static boolean recordedInHistory(VolumeRequest request) {
    return !(request instanceof VolumeRequest.CreateSnapshot || request instanceof VolumeRequest.DeleteSnapshot);
  }

  /** The value a read returns: the visible state, or a null status for "not found". */
  public static SortedMap<String, Object> readValue(String volumeId, ApiResponse response) {
    SortedMap<String, Object> value = new TreeMap<>();
    value.put("volume", volumeId);
    Row row = response.code() == ApiResponse.Code.ACCEPTED ? response.volume() : null;
    value.put("status", row == null ? null : row.get("status"));
    if (row != null) {
      value.put("attach_status", row.get("attach_status"));
      value.put("migration_status", row.get("migration_status"));
      value.put("volume_type", row.get("volume_type_id"));
    }
    return value;
  }

  /** A completion written by a volume service, as the model's {@code complete} operation. */
  public static SortedMap<String, Object> completionValue(String volumeId, SortedMap<String, Object> fields) {
    SortedMap<String, Object> value = new TreeMap<>();
    value.put("volume", volumeId);
    fields.forEach((column, fieldValue) -> {
      switch (column) {
        case "status", "attach_status", "migration_status", "host" -> value.put(column, fieldValue);
        case "volume_type_id" -> value.put("volume_type", fieldValue);
        default -> { } // columns the API does not show (deleted flag, timestamps)
      }
    });
    return value;
  }
}

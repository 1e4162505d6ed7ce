package io.cvolsim.scenarios.workload;

import io.cvolsim.kernel.api.Choices;
import io.cvolsim.kernel.api.SimFuture;
import io.cvolsim.model.api.ApiResponse;
import io.cvolsim.model.api.VolumeRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Nova's use of the attachments API, shared by every client of a run as {@link VolumeIds} is: an
 * attach is attachment reserve, update with the instance host's connector, and complete, each
 * sent as soon as the last was accepted; a failed step is rolled back with attachment_delete, as
 * Nova does; a detach deletes an attachment some client completed. Two instances on two compute
 * hosts keep attachments of one volume to one instance likely (LP #1833736).
 */
public final class NovaAttachments {
  private static final List<String> INSTANCES = List.of("instance-1", "instance-2");
  /** Attachments whose complete was accepted and that no detach took yet, by volume. */
  private final TreeMap<String, List<String>> attachedByVolume = new TreeMap<>();
  private int attachmentsStarted;

  /** The legacy attach calls the attachments API replaces in a client's mix. */
  static boolean replaces(VolumeRequest legacy) {
    return legacy instanceof VolumeRequest.Reserve || legacy instanceof VolumeRequest.Unreserve
        || legacy instanceof VolumeRequest.BeginDetaching || legacy instanceof VolumeRequest.RollDetaching;
  }

  /** Nova's compute host for an instance: the connector's host. */
  static String hostOf(String instanceUuid) {
    return "nova-compute-" + instanceUuid.substring(instanceUuid.lastIndexOf('-') + 1);
  }

  /**
   * Runs the flow that stands in for {@code legacy}: reserve and unreserve become an attach,
   * begin- and roll-detaching a detach. {@code send} sends one request, records it and answers
   * its response, or null when none came.
   */
  SimFuture<Void> run(VolumeRequest legacy, Choices choices, Function<VolumeRequest, SimFuture<ApiResponse>> send) {
    String volumeId = legacy.volumeId();
    if (legacy instanceof VolumeRequest.Reserve || legacy instanceof VolumeRequest.Unreserve) {
      String instance = choices.oneOf("client.instance", INSTANCES);
      return attach(volumeId, "att-" + ++attachmentsStarted, instance, send);
    }
    List<String> attached = attachedByVolume.getOrDefault(volumeId, List.of());
    if (attached.isEmpty()) {
      return SimFuture.succeeded(null);
    }
    String attachmentId = attached.remove(0);
    return send.apply(new VolumeRequest.AttachmentDelete(volumeId, attachmentId)).map(answer -> null);
  }

  private SimFuture<Void> attach(String volumeId, String attachmentId, String instance,
      Function<VolumeRequest, SimFuture<ApiResponse>> send) {
    return send.apply(new VolumeRequest.AttachmentReserve(volumeId, attachmentId, instance)).flatMap(reserved -> {
      if (!accepted(reserved)) {
        return SimFuture.succeeded(null);
      }
      return send.apply(new VolumeRequest.AttachmentUpdate(volumeId, attachmentId, hostOf(instance)))
          .flatMap(updated -> accepted(updated)
              ? send.apply(new VolumeRequest.AttachmentComplete(volumeId, attachmentId)) : SimFuture.succeeded(updated))
          .flatMap(completed -> {
            if (accepted(completed)) {
              attachedByVolume.computeIfAbsent(volumeId, id -> new ArrayList<>()).add(attachmentId);
              return SimFuture.succeeded(null);
            }
            return send.apply(new VolumeRequest.AttachmentDelete(volumeId, attachmentId)).map(rolledBack -> null);
          });
    });
  }

  private static boolean accepted(ApiResponse response) {
    return response != null && response.code() == ApiResponse.Code.ACCEPTED;
  }
}

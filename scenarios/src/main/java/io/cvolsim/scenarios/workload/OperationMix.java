package io.cvolsim.scenarios.workload;

import io.cvolsim.kernel.api.Choices;
import io.cvolsim.model.api.VolumeRequest;
import java.util.List;

/**
 * The requests a client draws: every API transition of the first slice plus reads, weighted so
 * that volumes keep moving through their whole status machine.
 */
public final class OperationMix {
  private static final List<String> VOLUME_TYPES = List.of("gold", "silver");
  private static final String[] WEIGHTED_OPERATIONS = {
    "read", "read", "read", "create", "create", "delete", "delete", "force-delete", "extend",
    "extend", "reserve", "reserve", "unreserve", "begin-detaching", "begin-detaching",
    "roll-detaching", "retype", "migrate"
  };

  private OperationMix() {}

  public static VolumeRequest draw(Choices choices, List<String> volumeIds) {
    String volumeId = choices.oneOf("client.volume", volumeIds);
    String operation = WEIGHTED_OPERATIONS[choices.integer("client.operation", 0, WEIGHTED_OPERATIONS.length - 1)];
    return switch (operation) {
      case "read" -> new VolumeRequest.Show(volumeId);
      case "create" -> VolumeRequest.Create.empty(volumeId, choices.oneOf("client.volume-type", VOLUME_TYPES));
      case "delete" -> new VolumeRequest.Delete(volumeId, false);
      case "force-delete" -> new VolumeRequest.Delete(volumeId, true);
      case "extend" -> new VolumeRequest.Extend(volumeId, choices.integer("client.new-size", 2, 8));
      case "reserve" -> new VolumeRequest.Reserve(volumeId);
      case "unreserve" -> new VolumeRequest.Unreserve(volumeId);
      case "begin-detaching" -> new VolumeRequest.BeginDetaching(volumeId);
      case "roll-detaching" -> new VolumeRequest.RollDetaching(volumeId);
      case "retype" -> new VolumeRequest.Retype(volumeId, choices.oneOf("client.volume-type", VOLUME_TYPES));
      default -> new VolumeRequest.Migrate(volumeId, "other-backend@lvm");
    };
  }
}

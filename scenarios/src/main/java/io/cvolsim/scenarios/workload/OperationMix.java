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
    "read", "read", "read", "create", "delete", "delete", "force-delete", "extend",
    "extend", "reserve", "reserve", "unreserve", "begin-detaching", "begin-detaching",
    "roll-detaching", "retype", "migrate"
  };

  /** What a full deployment adds: clones, snapshots and the admin's reset-state. */
  private static final String[] DEPLOYMENT_OPERATIONS = {
    "clone", "create-from-snapshot", "create-snapshot", "create-snapshot", "create-snapshot", "delete-snapshot",
    "delete-snapshot", "reset-state"
  };

  private OperationMix() {}

  /** A request of the first slice's mix. */
  public static VolumeRequest draw(Choices choices, VolumeIds volumeIds) {
    return drawFrom(WEIGHTED_OPERATIONS, choices, volumeIds);
  }

  /** A request of the full deployment's mix: every operation of the slice plus clones and snapshots. */
  public static VolumeRequest drawForDeployment(Choices choices, VolumeIds volumeIds, boolean adminResets) {
    if (choices.chance("client.deployment-operation", io.cvolsim.kernel.api.Ratio.percent(20))) {
      int slot = choices.integer("client.volume", 0, volumeIds.slotCount() - 1);
      String other = volumeIds.current(choices.integer("client.source", 0, volumeIds.slotCount() - 1));
      int last = DEPLOYMENT_OPERATIONS.length - (adminResets ? 1 : 2);
      String operation = DEPLOYMENT_OPERATIONS[choices.integer("client.operation", 0, last)];
      return switch (operation) {
        case "clone" -> new VolumeRequest.Create(volumeIds.next(slot), "gold", other, null);
        case "create-from-snapshot" -> new VolumeRequest.Create(volumeIds.next(slot), "gold", null, snapshotOf(other));
        case "create-snapshot" -> new VolumeRequest.CreateSnapshot(volumeIds.current(slot), snapshotOf(volumeIds.current(slot)));
        case "delete-snapshot" -> new VolumeRequest.DeleteSnapshot(volumeIds.current(slot), snapshotOf(volumeIds.current(slot)));
        default -> new VolumeRequest.ResetState(volumeIds.current(slot),
            choices.oneOf("client.reset-to", List.of("available", "error")));
      };
    }
    return draw(choices, volumeIds);
  }

  /** One snapshot name per volume keeps ids few, so requests contend. */
  static String snapshotOf(String volumeId) {
    return "snap-" + volumeId;
  }

  private static VolumeRequest drawFrom(String[] operations, Choices choices, VolumeIds volumeIds) {
    int slot = choices.integer("client.volume", 0, volumeIds.slotCount() - 1);
    String operation = operations[choices.integer("client.operation", 0, operations.length - 1)];
    String volumeId = operation.equals("create") ? volumeIds.next(slot) : volumeIds.current(slot);
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

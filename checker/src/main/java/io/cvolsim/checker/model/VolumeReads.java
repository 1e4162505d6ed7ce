package io.cvolsim.checker.model;

import io.cvolsim.checker.history.PairedOperation;
import java.util.Map;
import java.util.Set;

/** Shape checks of cinder-volume operations, and what an ok read must equal. */
final class VolumeReads {
  private static final Set<String> FUNCTIONS = Set.of("create", "delete", "force-delete",
      "extend", "reserve", "unreserve", "begin-detaching", "roll-detaching", "retype", "migrate",
      "complete", "read", "attachment-reserve", "attachment-update", "attachment-complete", "attachment-delete");

  private VolumeReads() {}

  /** A read of {@code {volume, status: null}} means not found: absent or deleted. */
  static boolean matches(VolumeState volume, Map<String, Object> valueRead) {
    boolean notFound = volume == null || volume.isDeleted();
    if (valueRead.get("status") == null) {
      return notFound;
    }
    if (notFound) {
      return false;
    }
    Map<String, Object> expected = volume.asReadValue();
    for (Map.Entry<String, Object> field : expected.entrySet()) {
      if (!java.util.Objects.equals(field.getValue(), valueRead.get(field.getKey()))) {
        return false;
      }
    }
    return true;
  }

  static String problemWith(PairedOperation operation) {
    String f = operation.f();
    if (!FUNCTIONS.contains(f)) {
      return Values.unknownFunction("cinder-volume", f);
    }
    String problem = volumeMapProblem(operation.input(), "value");
    if (problem == null && f.equals("retype")
        && !(Values.map(operation.input()).get("volume_type") instanceof String)) {
      problem = "retype needs a volume_type string, got " + operation.input();
    }
    if (problem == null && operation.hasKnownOutput()) {
      problem = outputProblem(operation);
    }
    return problem;
  }

  private static String outputProblem(PairedOperation operation) {
    Object output = operation.output();
    if (operation.f().equals("read")) {
      return volumeMapProblem(output, "read value");
    }
    if (operation.f().equals("create") && output != null && !output.equals(operation.input())) {
      return "create's ok value must be nil or its invocation's map, got " + output;
    }
    return null;
  }

  private static String volumeMapProblem(Object value, String what) {
    Map<String, Object> map = Values.map(value);
    if (map == null || !(map.get("volume") instanceof String)) {
      return "cinder-volume needs a " + what + " map with a \"volume\" id string, got " + value;
    }
    for (Map.Entry<String, Object> field : map.entrySet()) {
      if (!VolumeStatusMachine.FIELDS.contains(field.getKey())) {
        return "unknown volume field \"" + field.getKey() + "\" in " + value;
      }
      if (field.getValue() != null && !(field.getValue() instanceof String)) {
        return "volume field \"" + field.getKey() + "\" must be a string or nil, got "
            + field.getValue();
      }
    }
    return null;
  }
}

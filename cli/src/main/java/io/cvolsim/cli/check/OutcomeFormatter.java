package io.cvolsim.cli.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cvolsim.checker.history.PairedOperation;
import io.cvolsim.checker.history.ValueText;
import io.cvolsim.checker.linear.CheckResult;
import io.cvolsim.checker.linear.PartialLinearization;
import io.cvolsim.checker.linear.Witness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Formats one file's outcome as a line of text or a line of JSON. */
public final class OutcomeFormatter {
  private OutcomeFormatter() {}

  /** Jackson is loaded only for --json: class loading is a fair share of a short run. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /** {@code <file>  <verdict>  <n> ops  <ms> ms}, plus the failing partition or the reason. */
  public static String text(FileOutcome outcome) {
    CheckResult result = outcome.result();
    StringBuilder line = new StringBuilder()
        .append(outcome.file()).append("  ").append(result.verdict().externalName())
        .append("  ").append(result.operationCount()).append(" ops  ")
        .append(outcome.millis()).append(" ms");
    result.witness().ifPresent(witness -> line.append("  (partition ")
        .append(witness.partition()).append(", ").append(witness.partitionOperationCount())
        .append(" ops)"));
    result.unknownReason().ifPresent(reason -> line.append("  (").append(reason).append(')'));
    return line.toString();
  }

  /** One JSON object: file, verdict, ops, millis, partitions, configurations, reason, witness. */
  public static String json(FileOutcome outcome) {
    CheckResult result = outcome.result();
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("file", outcome.file());
    object.put("verdict", result.verdict().externalName());
    object.put("ops", result.operationCount());
    object.put("millis", outcome.millis());
    object.put("partitions", result.partitions().size());
    object.put("configurations", result.configurationsCached());
    result.unknownReason().ifPresent(reason -> object.put("reason", reason));
    result.witness().ifPresent(witness -> object.put("witness", witnessObject(witness)));
    try {
      return Json.MAPPER.writeValueAsString(object);
    } catch (JsonProcessingException error) {
      throw new IllegalStateException("plain maps always serialize", error);
    }
  }

  private static Map<String, Object> witnessObject(Witness witness) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("partition", witness.partition());
    object.put("partitionOps", witness.partitionOperationCount());
    object.put("involved", witness.involved().stream().map(PairedOperation::toString).toList());
    List<Map<String, Object>> longest = new ArrayList<>();
    for (PartialLinearization partial : witness.longest()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("linearized", partial.linearized().size());
      entry.put("state", ValueText.of(partial.stateReached()));
      entry.put("blockedBy", partial.blockedBy().toString());
      longest.add(entry);
    }
    object.put("longest", longest);
    return object;
  }
}

package io.cvolsim.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code --json} form of a run: one JSON object on one line. */
public final class JsonReport {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonReport() {}

  public static String render(RunReport report) {
    ObjectNode root = toJson(report);
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render report as JSON", e);
    }
  }

  public static ObjectNode toJson(RunReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("seed", report.seed());
    root.put("scenario", report.scenario());
    ObjectNode settings = root.putObject("configuration");
    report.settings().forEach(settings::put);
    root.put("fingerprint", report.fingerprint());
    root.put("exit_status", report.exitStatus());
    ArrayNode properties = root.putArray("properties");
    for (PropertyResult property : report.properties()) {
      ObjectNode node = properties.addObject();
      node.put("name", property.name());
      node.put("kind", property.kind());
      node.put("verdict", property.status().text());
      node.put("summary", property.summary());
      ArrayNode witness = node.putArray("witness");
      property.witness().forEach(witness::add);
    }
    ObjectNode counts = root.putObject("counts");
    report.counts().forEach(counts::put);
    ObjectNode probes = root.putObject("probes");
    report.probes().forEach(probes::put);
    ObjectNode timings = root.putObject("timings");
    timings.put("wall_millis", report.wallMillis());
    timings.put("check_millis", report.checkMillis());
    timings.put("simulated_millis", report.simulatedNanos() / 1_000_000);
    root.put("repro", report.reproCommand());
    return root;
  }
}

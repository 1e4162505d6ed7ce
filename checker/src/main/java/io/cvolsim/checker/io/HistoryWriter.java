package io.cvolsim.checker.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cvolsim.checker.history.History;
import io.cvolsim.checker.history.Operation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes histories as Jepsen EDN (a vector, one op map per line) or as our JSON lines. Both read
 * back into an equal history, except that sets come back from JSON as lists.
 */
public final class HistoryWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HistoryWriter() {}

  /** EDN: {@code [{:process 0, :type :invoke, :f :read, :value nil, :time 5, :index 0}...]}. */
  public static String toEdn(History history) {
    StringBuilder out = new StringBuilder("[");
    for (Operation operation : history.operations()) {
      out.append(operation.index() == 0 ? "" : "\n ");
      out.append("{:process ").append(operation.process())
          .append(", :type :").append(operation.type().jepsenName())
          .append(", :f ").append(EdnText.keywordOrString(operation.f()))
          .append(", :value ").append(EdnText.of(operation.value()));
      if (operation.timeNanos() >= 0) {
        out.append(", :time ").append(operation.timeNanos());
      }
      out.append(", :index ").append(operation.index()).append('}');
    }
    return out.append("]\n").toString();
  }

  /** JSON lines: one object per event, keys process, type, f, value, time (if known), index. */
  public static String toJsonLines(History history) {
    StringBuilder out = new StringBuilder();
    for (Operation operation : history.operations()) {
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("process", operation.process());
      object.put("type", operation.type().jepsenName());
      object.put("f", operation.f());
      object.put("value", operation.value());
      if (operation.timeNanos() >= 0) {
        object.put("time", operation.timeNanos());
      }
      object.put("index", operation.index());
      try {
        out.append(JSON.writeValueAsString(object)).append('\n');
      } catch (JsonProcessingException error) {
        throw new IllegalArgumentException("value cannot be written as JSON: " + error
            .getOriginalMessage(), error);
      }
    }
    return out.toString();
  }
}

package io.cvolsim.checker.history;

import java.util.List;
import java.util.Map;

/** Compact, EDN-like rendering of plain Java values for messages and witnesses. */
public final class ValueText {
  private ValueText() {}

  /** Renders a value: nil, numbers, "strings", [lists] and {maps}. */
  public static String of(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  private static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("nil");
    } else if (value instanceof String text) {
      out.append('"').append(text).append('"');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : " ");
        append(out, list.get(i));
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.append(first ? "" : ", ").append(entry.getKey()).append(' ');
        append(out, entry.getValue());
        first = false;
      }
      out.append('}');
    } else {
      out.append(value);
    }
  }
}

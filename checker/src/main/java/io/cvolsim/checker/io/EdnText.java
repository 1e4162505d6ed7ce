package io.cvolsim.checker.io;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Prints plain Java values as EDN; map keys that can be keywords are written as keywords. */
final class EdnText {
  private static final Pattern KEYWORD = Pattern.compile("[A-Za-z*+!_?<>=-][\\w*+!?<>=./-]*");

  private EdnText() {}

  static String of(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  static String keywordOrString(String text) {
    return KEYWORD.matcher(text).matches() ? ":" + text : quoted(text);
  }

  private static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("nil");
    } else if (value instanceof String text) {
      out.append(quoted(text));
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.append(first ? "" : ", ").append(keywordOrString(String.valueOf(entry.getKey())))
            .append(' ');
        append(out, entry.getValue());
        first = false;
      }
      out.append('}');
    } else if (value instanceof Collection<?> collection) {
      out.append(value instanceof Set<?> ? "#{" : "[");
      boolean first = true;
      for (Object element : collection) {
        out.append(first ? "" : " ");
        append(out, element);
        first = false;
      }
      out.append(value instanceof List<?> || !(value instanceof Set<?>) ? "]" : "}");
    } else {
      out.append(value);
    }
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char character : text.toCharArray()) {
      switch (character) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> out.append(character);
      }
    }
    return out.append('"').toString();
  }
}

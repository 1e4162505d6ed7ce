package io.cvolsim.checker.model;

import java.util.List;
import java.util.Map;

/** Shape checks and conversions for plain-Java operation values, shared by the models. */
public final class Values {
  private Values() {}

  /** The value as a list of exactly {@code size} elements, or null when it is not one. */
  public static List<?> tuple(Object value, int size) {
    if (value instanceof List<?> list && list.size() == size) {
      return list;
    }
    return null;
  }

  /** The value as a String-keyed map, or null when it is not a map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
  }

  /** Numbers compare by value across Long/Integer/Double so that 1 and 1.0 from JSON agree. */
  public static boolean same(Object left, Object right) {
    if (left instanceof Number a && right instanceof Number b) {
      if (isIntegral(a) && isIntegral(b)) {
        return a.longValue() == b.longValue();
      }
      return a.doubleValue() == b.doubleValue();
    }
    return java.util.Objects.equals(left, right);
  }

  private static boolean isIntegral(Number number) {
    return number instanceof Long || number instanceof Integer || number instanceof Short
        || number instanceof Byte;
  }

  /** Integral numbers as Long so that states hash the same whatever the reader produced. */
  public static Object normalize(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    return value;
  }

  /** "unknown operation :f for model m" */
  public static String unknownFunction(String modelName, String f) {
    return "unknown operation :" + f + " for model " + modelName;
  }
}

package io.cvolsim.checker.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import us.bpsm.edn.Keyword;
import us.bpsm.edn.Symbol;
import us.bpsm.edn.TaggedValue;

/**
 * Turns parsed EDN or JSON into the plain Java values histories hold: null, Long, Double,
 * String, Boolean, List, Set and String-keyed Map. EDN keywords and symbols become strings
 * without the colon; integers become Long.
 */
final class PlainValues {
  private PlainValues() {}

  static Object of(Object parsed) {
    if (parsed == null || parsed instanceof String || parsed instanceof Boolean
        || parsed instanceof Long || parsed instanceof Double) {
      return parsed;
    }
    if (parsed instanceof Keyword keyword) {
      return name(keyword.getPrefix(), keyword.getName());
    }
    if (parsed instanceof Symbol symbol) {
      return name(symbol.getPrefix(), symbol.getName());
    }
    if (parsed instanceof Integer || parsed instanceof Short || parsed instanceof Byte) {
      return ((Number) parsed).longValue();
    }
    if (parsed instanceof BigInteger big) {
      return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }
    if (parsed instanceof BigDecimal || parsed instanceof Float) {
      return ((Number) parsed).doubleValue();
    }
    if (parsed instanceof Character character) {
      return character.toString();
    }
    if (parsed instanceof TaggedValue tagged) {
      return of(tagged.getValue());
    }
    return collection(parsed);
  }

  private static Object collection(Object parsed) {
    if (parsed instanceof List<?> list) {
      List<Object> plain = new ArrayList<>(list.size());
      list.forEach(element -> plain.add(of(element)));
      return Collections.unmodifiableList(plain);
    }
    if (parsed instanceof Set<?> set) {
      Set<Object> plain = new LinkedHashSet<>();
      set.forEach(element -> plain.add(of(element)));
      return Collections.unmodifiableSet(plain);
    }
    if (parsed instanceof Map<?, ?> map) {
      Map<String, Object> plain = new LinkedHashMap<>();
      map.forEach((key, value) -> plain.put(String.valueOf(of(key)), of(value)));
      return Collections.unmodifiableMap(plain);
    }
    return String.valueOf(parsed);
  }

  private static String name(String prefix, String name) {
    return prefix == null || prefix.isEmpty() ? name : prefix + "/" + name;
  }
}

package io.cvolsim.checker.io;

import us.bpsm.edn.EdnException;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/** Parses a single EDN value (such as a model's initial value) into plain Java. */
public final class EdnValues {
  private static final Parser PARSER = Parsers.newParser(Parsers.defaultConfiguration());

  private EdnValues() {}

  /**
   * The value of an EDN text: {@code nil}, {@code 0}, {@code "x"}, {@code {:x 0 :y 0}} ...
   *
   * @throws IllegalArgumentException when the text is not exactly one EDN value
   */
  public static Object parse(String text) {
    try {
      var input = Parsers.newParseable(text);
      Object value = PARSER.nextValue(input);
      if (value == Parser.END_OF_INPUT || PARSER.nextValue(input) != Parser.END_OF_INPUT) {
        throw new IllegalArgumentException("expected one EDN value, got \"" + text + "\"");
      }
      return PlainValues.of(value);
    } catch (EdnException error) {
      throw new IllegalArgumentException("not EDN: \"" + text + "\"", error);
    }
  }
}

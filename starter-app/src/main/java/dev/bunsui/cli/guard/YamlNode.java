package dev.bunsui.cli.guard;

import java.util.List;
import java.util.Map;

/** A YAML value with the (1-based) line it starts on, so errors can name the line. */
sealed interface YamlNode {
  /** The line the value starts on. */
  int line();

  /** What the value is, for messages: "a mapping", "a list", "a string", … */
  String describe();

  /**
   * A scalar.
   *
   * @param line where it starts
   * @param text its text ({@code null} for a YAML null)
   * @param kind string, number, boolean or null
   */
  record Scalar(int line, String text, Kind kind) implements YamlNode {
    /** Scalar kinds. */
    enum Kind {
      STRING,
      NUMBER,
      BOOLEAN,
      NULL
    }

    @Override
    public String describe() {
      return switch (kind) {
        case STRING -> "the string '" + text + "'";
        case NUMBER -> "the number " + text;
        case BOOLEAN -> "the boolean " + text;
        case NULL -> "nothing (null)";
      };
    }
  }

  /**
   * A mapping; keys in file order.
   *
   * @param line where it starts
   * @param fields the entries by key
   */
  record Mapping(int line, Map<String, Field> fields) implements YamlNode {
    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /**
   * One entry of a mapping.
   *
   * @param key the key
   * @param line the key's line
   * @param value the value
   */
  record Field(String key, int line, YamlNode value) {}

  /**
   * A list.
   *
   * @param line where it starts
   * @param items the items
   */
  record Sequence(int line, List<YamlNode> items) implements YamlNode {
    @Override
    public String describe() {
      return "a list";
    }
  }
}

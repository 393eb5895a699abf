package dev.bunsui.toolrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the fields of a tool's input with errors that name the step and the field. A field that is
 * missing or JSON {@code null} counts as absent (an {@code input_mapping} path that matched nothing
 * gives null).
 */
public final class ToolInput {
  private final String step;
  private final JsonNode node;

  /**
   * Wraps an input.
   *
   * @param step the step id, for messages; may be null
   * @param node the input object; null or JSON null means an empty object
   * @throws ToolInputException when the input is neither an object nor null
   */
  public ToolInput(String step, JsonNode node) {
    this.step = step == null ? "?" : step;
    if (node != null && !node.isNull() && !node.isObject()) {
      throw new ToolInputException(
          "step '" + this.step + "': the input must be a JSON object, got " + node.getNodeType());
    }
    this.node = node == null || node.isNull() ? JsonNodeFactory.instance.objectNode() : node;
  }

  /** The input object (never null). */
  public JsonNode node() {
    return node;
  }

  /** The step id the input belongs to. */
  public String step() {
    return step;
  }

  /** The field's value, or empty when it is missing or null. */
  public Optional<JsonNode> field(String name) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  /**
   * A text field (numbers and booleans are taken as their text).
   *
   * @return the stripped text, or empty when missing, null or blank
   * @throws ToolInputException when the value is an object or array
   */
  public Optional<String> text(String name) {
    return field(name)
        .map(
            v -> {
              if (!v.isValueNode()) {
                throw invalid(name, "must be a string, got " + v.getNodeType());
              }
              return v.asText().strip();
            })
        .filter(s -> !s.isEmpty());
  }

  /**
   * A required text field.
   *
   * @throws ToolInputException when missing, blank or not a string
   */
  public String requiredText(String name) {
    return text(name).orElseThrow(() -> invalid(name, "is required"));
  }

  /**
   * An integer field within bounds.
   *
   * @param fallback the value when the field is absent
   * @param min smallest allowed value
   * @param max largest allowed value
   * @throws ToolInputException when it is not an integer or out of bounds
   */
  public int integer(String name, int fallback, int min, int max) {
    Optional<JsonNode> v = field(name);
    if (v.isEmpty()) {
      return fallback;
    }
    JsonNode n = v.get();
    long value;
    if (n.isIntegralNumber()) {
      value = n.asLong();
    } else if (n.isTextual() && n.asText().strip().matches("-?\\d{1,10}")) {
      value = Long.parseLong(n.asText().strip());
    } else {
      throw invalid(name, "must be an integer, got " + n);
    }
    if (value < min || value > max) {
      throw invalid(name, "must be between " + min + " and " + max + ", got " + value);
    }
    return (int) value;
  }

  /**
   * A boolean field ({@code true}/{@code false}, or those words as text).
   *
   * @param fallback the value when the field is absent
   * @throws ToolInputException for any other value
   */
  public boolean bool(String name, boolean fallback) {
    Optional<JsonNode> v = field(name);
    if (v.isEmpty()) {
      return fallback;
    }
    JsonNode n = v.get();
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    if (n.isTextual() && n.asText().strip().matches("(?i)true|false")) {
      return Boolean.parseBoolean(n.asText().strip());
    }
    throw invalid(name, "must be true or false, got " + n);
  }

  /**
   * A list of texts: a JSON array of strings, or one string (taken as a list of one).
   *
   * @return the non-blank stripped texts; empty when the field is absent
   * @throws ToolInputException when an element is not a string
   */
  public List<String> texts(String name) {
    Optional<JsonNode> v = field(name);
    List<String> out = new ArrayList<>();
    if (v.isEmpty()) {
      return out;
    }
    JsonNode n = v.get();
    if (n.isTextual()) {
      if (!n.asText().isBlank()) {
        out.add(n.asText().strip());
      }
      return out;
    }
    if (!n.isArray()) {
      throw invalid(name, "must be an array of strings, got " + n.getNodeType());
    }
    for (int i = 0; i < n.size(); i++) {
      JsonNode e = n.get(i);
      if (!e.isTextual()) {
        throw invalid(name + "[" + i + "]", "must be a string, got " + e.getNodeType());
      }
      if (!e.asText().isBlank()) {
        out.add(e.asText().strip());
      }
    }
    return out;
  }

  /**
   * A required array field.
   *
   * @throws ToolInputException when missing or not an array
   */
  public JsonNode requiredArray(String name) {
    JsonNode n = field(name).orElseThrow(() -> invalid(name, "is required"));
    if (!n.isArray()) {
      throw invalid(name, "must be an array, got " + n.getNodeType());
    }
    return n;
  }

  /**
   * An error about one field.
   *
   * @param field the field name or path ({@code creatives[2].text})
   * @param why what is wrong with it
   * @return the exception to throw
   */
  public ToolInputException invalid(String field, String why) {
    return new ToolInputException("step '" + step + "': input field '" + field + "' " + why);
  }
}

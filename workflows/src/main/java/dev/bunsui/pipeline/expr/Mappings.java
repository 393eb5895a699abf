package dev.bunsui.pipeline.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Resolves a step's {@code input_mapping} against the run context: text values starting with {@code
 * $} are JSONPaths, {@code $$…} is the literal text {@code $…}, everything else is a literal;
 * objects and arrays are resolved member by member.
 */
public final class Mappings {
  private Mappings() {}

  /**
   * Resolves a mapping.
   *
   * @param mapping the {@code input_mapping} (any JSON); null gives an empty object
   * @param context the run context
   * @return the tool input; a JSONPath that finds nothing leaves its member out (or null in an
   *     array)
   */
  public static JsonNode resolve(JsonNode mapping, JsonNode context) {
    if (mapping == null || mapping.isNull() || mapping.isMissingNode()) {
      return JsonNodeFactory.instance.objectNode();
    }
    return value(mapping, context);
  }

  private static JsonNode value(JsonNode node, JsonNode context) {
    if (node.isTextual()) {
      String t = node.textValue();
      if (t.startsWith("$$")) {
        return JsonNodeFactory.instance.textNode(t.substring(1));
      }
      return t.startsWith("$") ? JsonPaths.read(t, context) : node;
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = value(e.getValue(), context);
        if (!v.isMissingNode()) {
          out.set(e.getKey(), v);
        }
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode e : node) {
        JsonNode v = value(e, context);
        out.add(v.isMissingNode() ? JsonNodeFactory.instance.nullNode() : v);
      }
      return out;
    }
    return node;
  }

  /**
   * The JSONPaths in a mapping, for validation.
   *
   * @param mapping the {@code input_mapping}
   * @return each path with the JSON pointer of the member holding it ({@code /brief/theme})
   */
  public static List<Map.Entry<String, String>> paths(JsonNode mapping) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    collect(mapping, "", out);
    return out;
  }

  private static void collect(JsonNode node, String pointer, List<Map.Entry<String, String>> out) {
    if (node == null) {
      return;
    }
    if (node.isTextual()
        && node.textValue().startsWith("$")
        && !node.textValue().startsWith("$$")) {
      out.add(Map.entry(pointer, node.textValue()));
    } else if (node.isObject()) {
      node.fields().forEachRemaining(e -> collect(e.getValue(), pointer + "/" + e.getKey(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), pointer + "/" + i, out);
      }
    }
  }
}

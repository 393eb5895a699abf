package dev.bunsui.pipeline.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.EnumSet;

/**
 * JSONPath over the run context, with Jayway JsonPath (the syntax of Stefan Goessner's JSONPath as
 * implemented by {@code com.jayway.jsonpath}). Pure computation: safe in workflow code.
 *
 * <p>The run context is {@code {"input": …, "steps": {"<id>": {"status": …, "output": …}}, "item":
 * …, "index": …}}.
 */
public final class JsonPaths {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Configuration CONFIG =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER))
          .mappingProvider(new JacksonMappingProvider(MAPPER))
          .options(EnumSet.noneOf(com.jayway.jsonpath.Option.class))
          .build();

  private JsonPaths() {}

  /**
   * Checks a JSONPath's syntax.
   *
   * @param path such as {@code $.steps.creative_generation.output.creatives[0].headline}
   * @return the compiled path
   * @throws ExpressionException when the path does not start with {@code $} or does not parse
   */
  public static JsonPath compile(String path) {
    if (path == null || !path.startsWith("$")) {
      throw new ExpressionException(1, "a JSONPath starts with $: " + path);
    }
    try {
      return JsonPath.compile(path);
    } catch (InvalidPathException e) {
      throw new ExpressionException(1, "bad JSONPath " + path + ": " + e.getMessage());
    }
  }

  /**
   * Reads a path.
   *
   * @param path a JSONPath
   * @param context the run context
   * @return the value (an array for an indefinite path), or {@link MissingNode} when nothing is
   *     there
   * @throws ExpressionException when the path does not parse
   */
  public static JsonNode read(String path, JsonNode context) {
    JsonPath compiled = compile(path);
    try {
      Object value = compiled.read(context, CONFIG);
      if (value == null) {
        return com.fasterxml.jackson.databind.node.NullNode.getInstance();
      }
      return value instanceof JsonNode node ? node : MAPPER.valueToTree(value);
    } catch (PathNotFoundException e) {
      return MissingNode.getInstance();
    }
  }

  /**
   * The root segment and, for {@code $.steps.<id>…}, the step id a path names.
   *
   * @param path a JSONPath that compiles
   * @return {@code [root]} or {@code ["steps", id]}; {@code ["$"]} for the bare root
   */
  public static String[] head(String path) {
    String rest = path.substring(1);
    java.util.List<String> parts = new java.util.ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("^(?:\\.([A-Za-z_][A-Za-z0-9_-]*)|\\['([^']*)'\\])")
            .matcher(rest);
    while (parts.size() < 2 && m.find()) {
      parts.add(m.group(1) != null ? m.group(1) : m.group(2));
      rest = rest.substring(m.end());
      m = m.pattern().matcher(rest);
      if (!"steps".equals(parts.get(0))) {
        break;
      }
    }
    return parts.isEmpty() ? new String[] {"$"} : parts.toArray(String[]::new);
  }
}

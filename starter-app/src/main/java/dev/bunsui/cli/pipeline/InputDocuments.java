package dev.bunsui.cli.pipeline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bunsui.pipeline.definition.DefinitionException;
import dev.bunsui.pipeline.definition.DefinitionProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a pipeline run's input: a YAML or JSON document holding one object. */
public final class InputDocuments {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private InputDocuments() {}

  /**
   * Reads an input file, or standard input for {@code -}.
   *
   * @param file the file, or {@code -}
   * @param stdin what {@code -} reads
   * @return the input object
   * @throws DefinitionException naming the file (or {@code <stdin>}), line and reason when it
   *     cannot be read, does not parse or is not an object
   */
  public static JsonNode read(String file, InputStream stdin) {
    String name = "-".equals(file) ? "<stdin>" : file;
    String text;
    try {
      text =
          "-".equals(file)
              ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
              : Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw problem(name, 0, 0, "$", "cannot read the input: " + e.getMessage());
    }
    return parse(text, name);
  }

  /**
   * Parses an input document.
   *
   * @param text YAML or JSON (JSON is YAML)
   * @param name the name used in problems
   * @return the input object
   * @throws DefinitionException with the line and column of a syntax error, or when the document is
   *     empty or not an object
   */
  public static JsonNode parse(String text, String name) {
    JsonNode node;
    try {
      node = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw problem(
          name,
          at == null ? 0 : at.getLineNr(),
          at == null ? 0 : at.getColumnNr(),
          "$",
          "not valid YAML/JSON: " + e.getOriginalMessage());
    }
    if (node == null || node.isMissingNode() || node.isNull()) {
      throw problem(name, 1, 0, "$", "the input is empty; expected an object");
    }
    if (!node.isObject()) {
      throw problem(
          name,
          1,
          0,
          "$",
          "the input must be an object, not "
              + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return node;
  }

  private static DefinitionException problem(
      String name, int line, int column, String path, String reason) {
    return new DefinitionException(
        List.of(new DefinitionProblem(name, line, column, path, reason)));
  }
}

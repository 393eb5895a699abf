package dev.bunsui.pipeline.definition;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bunsui.pipeline.PipelineDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads pipeline definitions from YAML or JSON files. */
public final class PipelineDefinitions {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private PipelineDefinitions() {}

  /**
   * Reads and validates a definition file.
   *
   * @param file a {@code .yaml}, {@code .yml} or {@code .json} file
   * @return the definition
   * @throws DefinitionException listing every problem, each with file, line, JSONPath and reason
   */
  public static PipelineDefinition load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DefinitionException(
          List.of(new DefinitionProblem(file.toString(), 0, 0, "$", "cannot read: " + e)));
    }
    return parse(text, file.toString());
  }

  /**
   * Parses and validates a definition.
   *
   * @param text YAML or JSON (JSON is YAML)
   * @param file the name used in problems
   * @return the definition
   * @throws DefinitionException listing every problem
   */
  public static PipelineDefinition parse(String text, String file) {
    try {
      return YAML.readValue(text, PipelineDefinition.class);
    } catch (IOException e) {
      throw new DefinitionException(
          List.of(new DefinitionProblem(file, 0, 0, "$", e.getMessage())));
    }
  }
}

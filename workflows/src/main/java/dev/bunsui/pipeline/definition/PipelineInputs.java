package dev.bunsui.pipeline.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.pipeline.PipelineDefinition;

/** Checks a run input against a definition's {@code input_schema}. */
public final class PipelineInputs {
  private PipelineInputs() {}

  /**
   * Validates a run input and applies the schema's defaults.
   *
   * @param definition the pipeline definition
   * @param input the run input (an object)
   * @param inputName the input's file name (or "request body") used in problems
   * @return the input with the schema's {@code default}s filled in
   * @throws DefinitionException listing every problem with its JSONPath (and line, from a file)
   */
  public static JsonNode validate(PipelineDefinition definition, JsonNode input, String inputName) {
    return input;
  }
}

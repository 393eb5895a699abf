package dev.bunsui.pipeline.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.ValidationMessage;
import dev.bunsui.pipeline.PipelineDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Checks a run input against a definition's {@code input_schema} (JSON Schema draft 2020-12, with
 * networknt's json-schema-validator) and fills in the schema's {@code default}s: a member that is
 * missing or null and whose property schema has a {@code default} gets that default, at any depth
 * the schema describes, before the input is validated (so a required member with a default is never
 * missing).
 */
public final class PipelineInputs {
  private PipelineInputs() {}

  /**
   * Validates a run input and applies the schema's defaults.
   *
   * @param definition the pipeline definition
   * @param input the run input (an object); null is read as <code>{}</code>
   * @param inputName the input's file name (or "request body") used in problems
   * @return a copy of the input with the schema's {@code default}s filled in; the input itself is
   *     not changed
   * @throws DefinitionException listing every problem with its JSONPath (line and column 0: the
   *     input has no source text here; see {@link #validate(PipelineDefinition, String, String)})
   */
  public static JsonNode validate(PipelineDefinition definition, JsonNode input, String inputName) {
    JsonNode copy =
        input == null || input.isNull() || input.isMissingNode()
            ? JsonNodeFactory.instance.objectNode()
            : input.deepCopy();
    Problems problems = new Problems(inputName, SourceDocument.ofTree(copy));
    return validated(definition, copy, problems);
  }

  /**
   * Validates a run input given as YAML or JSON text; problems carry the line and column.
   *
   * @param definition the pipeline definition
   * @param text the input as YAML or JSON (JSON when {@code inputName} ends in {@code .json} or the
   *     text starts with <code>{</code>); an empty text is <code>{}</code>
   * @param inputName the input's file name, used in problems
   * @return the input with the schema's defaults filled in
   * @throws DefinitionException listing every problem with line, column and JSONPath
   */
  public static JsonNode validate(PipelineDefinition definition, String text, String inputName) {
    SourceDocument doc;
    try {
      doc = SourceDocument.read(text, inputName);
    } catch (SourceDocument.SyntaxException e) {
      throw new DefinitionException(
          List.of(new DefinitionProblem(inputName, e.line(), e.column(), "$", e.getMessage())));
    }
    JsonNode input = doc.root().isNull() ? JsonNodeFactory.instance.objectNode() : doc.root();
    return validated(definition, input, new Problems(inputName, doc));
  }

  /**
   * Validates a run input file.
   *
   * @param definition the pipeline definition
   * @param file a YAML or JSON file (UTF-8)
   * @return the input with the schema's defaults filled in
   * @throws DefinitionException listing every problem with file, line, column and JSONPath
   */
  public static JsonNode validate(PipelineDefinition definition, Path file) {
    try {
      return validate(definition, Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new DefinitionException(
          List.of(new DefinitionProblem(file.toString(), 0, 0, "$", "cannot read: " + e)));
    }
  }

  /** Validates {@code input} in place (defaults are written into it). */
  private static JsonNode validated(
      PipelineDefinition definition, JsonNode input, Problems problems) {
    JsonNode schemaNode = definition.inputSchema();
    if (schemaNode == null || schemaNode.isNull()) {
      return input;
    }
    JsonSchema schema;
    try {
      schema = SchemaChecks.compile(schemaNode);
    } catch (JsonSchemaException e) {
      throw new DefinitionException(
          List.of(
              new DefinitionProblem(
                  definition.id(),
                  0,
                  0,
                  "$.input_schema",
                  "input_schema is not a usable JSON Schema: " + e.getMessage())));
    }
    Set<ValidationMessage> messages = schema.walk(input, true).getValidationMessages();
    SchemaChecks.report(messages, "", schemaNode, problems);
    if (!problems.isEmpty()) {
      throw new DefinitionException(problems.sorted());
    }
    return input;
  }
}

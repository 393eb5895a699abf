package dev.bunsui.pipeline.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bunsui.pipeline.PipelineDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads pipeline definitions from YAML or JSON and validates them completely before anything runs.
 *
 * <p>Validation, in one pass that reports every problem: well-formed YAML/JSON with no repeated
 * key; the JSON Schema {@code /pipeline-definition.schema.json} (draft 2020-12, unknown fields
 * rejected, checked with networknt's json-schema-validator); then the checks a schema cannot
 * express (see {@link SemanticChecks}: tools, inputs, step references, cycles, JSONPaths,
 * conditions, durations, the input schema). Each problem names the file, the 1-based line and
 * column (for a problem inside a condition or a JSONPath, the column of the offending character),
 * the JSONPath of the value and the reason; problems are in document order.
 */
public final class PipelineDefinitions {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PipelineDefinitions() {}

  /**
   * Reads and validates a definition file.
   *
   * @param file a {@code .yaml}, {@code .yml} or {@code .json} file (UTF-8)
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
   * @param text YAML or JSON; read as JSON when {@code file} ends in {@code .json} or the text
   *     starts with <code>{</code>
   * @param file the name used in problems
   * @return the definition
   * @throws DefinitionException listing every problem, in document order
   */
  public static PipelineDefinition parse(String text, String file) {
    Checked checked = checked(text, file);
    if (!checked.problems().isEmpty()) {
      throw new DefinitionException(checked.problems());
    }
    try {
      return MAPPER.treeToValue(checked.doc().root(), PipelineDefinition.class);
    } catch (JsonProcessingException e) {
      throw new DefinitionException(
          List.of(new DefinitionProblem(file, 0, 0, "$", "cannot be bound: " + e.getMessage())));
    }
  }

  /**
   * Validates a definition without building it.
   *
   * @param text YAML or JSON
   * @param file the name used in problems
   * @return every problem in document order; empty when the definition is valid
   */
  public static List<DefinitionProblem> check(String text, String file) {
    return checked(text, file).problems();
  }

  private record Checked(SourceDocument doc, List<DefinitionProblem> problems) {}

  private static Checked checked(String text, String file) {
    SourceDocument doc;
    try {
      doc = SourceDocument.read(text, file);
    } catch (SourceDocument.SyntaxException e) {
      return new Checked(
          null, List.of(new DefinitionProblem(file, e.line(), e.column(), "$", e.getMessage())));
    }
    Problems problems = new Problems(file, doc);
    if (!doc.root().isObject()) {
      problems.atValue(
          "",
          doc.root().isNull()
              ? "the definition is empty: it needs at least id and steps"
              : "a definition is an object with id and steps, not "
                  + doc.root().getNodeType().name().toLowerCase(java.util.Locale.ROOT));
      return new Checked(doc, problems.sorted());
    }
    for (SourceDocument.Position dup : doc.duplicates()) {
      problems.add(
          dup.keyLine(), dup.keyColumn(), dup.jsonPath(), "repeated key: each key appears once");
    }
    SchemaChecks.definition(doc.root(), problems);
    SemanticChecks.check(doc.root(), problems);
    return new Checked(doc, problems.sorted());
  }
}

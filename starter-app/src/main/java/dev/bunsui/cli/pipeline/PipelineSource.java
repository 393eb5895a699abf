package dev.bunsui.cli.pipeline;

import dev.bunsui.pipeline.PipelineDefinition;
import dev.bunsui.pipeline.definition.PipelineDefinitions;
import dev.bunsui.pipeline.definition.Templates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a pipeline definition comes from: a built-in template name ({@link Templates#NAMES}) or a
 * {@code .yaml}/{@code .yml}/{@code .json} definition file.
 *
 * @param definition the validated definition
 * @param source the template name, or the file's absolute path (shown in the run's summary and
 *     stored in {@link dev.bunsui.pipeline.PipelineRequest#source()})
 */
public record PipelineSource(PipelineDefinition definition, String source) {

  /**
   * Resolves a template name or a definition file.
   *
   * @param nameOrFile a template name, or a path to a definition file
   * @return the definition and where it came from
   * @throws IllegalArgumentException when it is neither a template name nor an existing file with a
   *     definition extension (the message lists the template names)
   * @throws dev.bunsui.pipeline.definition.DefinitionException when the file (or template) is not a
   *     valid definition; each problem names file, line, JSONPath and reason
   */
  public static PipelineSource resolve(String nameOrFile) {
    if (Templates.NAMES.contains(nameOrFile)) {
      return new PipelineSource(
          Templates.find(nameOrFile)
              .orElseThrow(
                  () -> new IllegalStateException("template " + nameOrFile + " is missing")),
          nameOrFile);
    }
    String lower = nameOrFile.toLowerCase(Locale.ROOT);
    boolean definitionFile =
        lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    Path file = Path.of(nameOrFile).toAbsolutePath().normalize();
    if (!definitionFile || !Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          (definitionFile ? "no definition file " + file : "unknown pipeline '" + nameOrFile + "'")
              + "; use book, a template ("
              + String.join(", ", Templates.NAMES)
              + ") or a .yaml/.json definition file");
    }
    return new PipelineSource(PipelineDefinitions.load(file), file.toString());
  }
}

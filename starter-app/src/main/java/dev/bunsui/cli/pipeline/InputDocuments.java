package dev.bunsui.cli.pipeline;

import dev.bunsui.pipeline.definition.DefinitionException;
import dev.bunsui.pipeline.definition.DefinitionProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a pipeline run's input text (YAML or JSON) from a file or standard input; {@link
 * dev.bunsui.pipeline.definition.PipelineInputs#validate(dev.bunsui.pipeline.PipelineDefinition,
 * String, String)} then parses and checks it with line numbers.
 */
public final class InputDocuments {
  private InputDocuments() {}

  /**
   * The name problems use for an input: the file, or {@code <stdin>} for {@code -}.
   *
   * @param file the file, or {@code -}
   * @return the name
   */
  public static String name(String file) {
    return "-".equals(file) ? "<stdin>" : file;
  }

  /**
   * Reads an input file, or standard input for {@code -}.
   *
   * @param file the file, or {@code -}
   * @param stdin what {@code -} reads
   * @return the text (UTF-8)
   * @throws DefinitionException naming the file when it cannot be read
   */
  public static String read(String file, InputStream stdin) {
    try {
      return "-".equals(file)
          ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DefinitionException(
          List.of(
              new DefinitionProblem(
                  name(file), 0, 0, "$", "cannot read the input: " + e.getMessage())));
    }
  }
}

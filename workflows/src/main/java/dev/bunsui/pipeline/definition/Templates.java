package dev.bunsui.pipeline.definition;

import dev.bunsui.pipeline.PipelineDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The built-in pipeline templates, kept as YAML under {@code /pipelines/} on the class path. */
public final class Templates {
  /** The template names, in listing order. */
  public static final List<String> NAMES = List.of("campaign_automation", "book_promotion");

  private Templates() {}

  /**
   * Loads a template.
   *
   * @param name a name from {@link #NAMES}
   * @return the validated definition, or empty for an unknown name
   */
  public static Optional<PipelineDefinition> find(String name) {
    if (!NAMES.contains(name)) {
      return Optional.empty();
    }
    try (InputStream in = Templates.class.getResourceAsStream("/pipelines/" + name + ".yaml")) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(
          PipelineDefinitions.parse(
              new String(in.readAllBytes(), StandardCharsets.UTF_8), "template " + name));
    } catch (IOException e) {
      throw new IllegalStateException("template " + name + " cannot be read", e);
    }
  }
}

package dev.bunsui.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads prompt templates: {@code prompts/<kind>/system.md} and {@code prompts/<kind>/message.md}
 * from the classpath, each replaced by {@code <overrideDir>/<kind>/<file>} when that file exists.
 * Kinds: {@code analysis}, {@code article}, {@code video_script}, {@code video_script_json}, {@code
 * x_posts}, {@code description}.
 */
public final class Prompts {
  private final Path overrideDir;

  /**
   * Creates the loader.
   *
   * @param overrideDir folder with overriding files, or null for the bundled prompts only
   */
  public Prompts(Path overrideDir) {
    this.overrideDir = overrideDir;
  }

  /**
   * Loads both templates of a kind.
   *
   * @param kind the prompt folder name
   * @throws PromptException when a template exists in neither place
   * @throws UncheckedIOException when an override file cannot be read
   */
  public PromptPair load(String kind) {
    return new PromptPair(kind, file(kind, "system.md"), file(kind, "message.md"));
  }

  private String file(String kind, String name) {
    if (overrideDir != null) {
      Path p = overrideDir.resolve(kind).resolve(name);
      if (Files.isRegularFile(p)) {
        try {
          return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read prompt override " + p + ": " + e, e);
        }
      }
    }
    String resource = "/prompts/" + kind + "/" + name;
    try (InputStream in = Prompts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new PromptException("prompt template " + resource + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read prompt " + resource + ": " + e, e);
    }
  }
}

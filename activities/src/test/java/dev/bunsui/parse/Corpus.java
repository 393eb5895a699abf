package dev.bunsui.parse;

import dev.bunsui.support.ProjectPaths;
import java.nio.file.Path;

/** Locates the shared real-book corpus next to the project. */
final class Corpus {
  private Corpus() {}

  static Path root() {
    return ProjectPaths.corpus();
  }
}

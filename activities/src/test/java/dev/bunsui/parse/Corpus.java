package dev.bunsui.parse;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared real-book corpus next to the project. */
final class Corpus {
  private Corpus() {}

  static Path root() {
    String prop = System.getProperty("bunsui.projectRoot");
    Path project = prop != null && !prop.isBlank() ? Path.of(prop) : null;
    if (project == null || !Files.exists(project.resolve("mvnw"))) {
      project = Path.of("").toAbsolutePath();
      while (project != null && !Files.exists(project.resolve("mvnw"))) {
        project = project.getParent();
      }
    }
    if (project == null) {
      throw new IllegalStateException("cannot find the project root (folder with mvnw)");
    }
    return project.toAbsolutePath().normalize().resolve("../shared/corpus").normalize();
  }
}

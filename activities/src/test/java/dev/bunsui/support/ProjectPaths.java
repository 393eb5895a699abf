package dev.bunsui.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the project and the shared real-book corpus beside it. */
public final class ProjectPaths {
  private ProjectPaths() {}

  /**
   * The project folder: system property {@code bunsui.projectRoot} (set by surefire), else the
   * nearest folder upwards that holds {@code mvnw}.
   *
   * @throws IllegalStateException when neither is found
   */
  public static Path projectRoot() {
    String prop = System.getProperty("bunsui.projectRoot");
    if (prop != null && !prop.isBlank() && Files.exists(Path.of(prop, "mvnw"))) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no folder with mvnw above " + Path.of("").toAbsolutePath());
  }

  /** {@code ../shared/corpus} relative to the project folder. */
  public static Path corpus() {
    return projectRoot().resolve("../shared/corpus").normalize();
  }
}

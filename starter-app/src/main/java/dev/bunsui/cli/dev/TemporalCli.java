package dev.bunsui.cli.dev;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the Temporal CLI binary ({@code temporal}, which hosts the dev server and its Web UI) is:
 * first the project's own build, {@code <project>/.tools/temporal/bin/temporal} (made by {@value
 * #INSTALL_SCRIPT}), then the first {@code temporal} on {@code PATH}.
 */
public final class TemporalCli {
  /** The script that builds the CLI into the project, relative to the project folder. */
  public static final String INSTALL_SCRIPT = "scripts/install-temporal-cli.sh";

  /** The project's own build of the CLI, relative to the project folder. */
  public static final Path PROJECT_BINARY = Path.of(".tools", "temporal", "bin", "temporal");

  private TemporalCli() {}

  /**
   * The project folder: system property {@code bunsui.home} (set by the {@code bunsui} launcher),
   * else the working folder.
   */
  public static Path projectHome() {
    return Path.of(System.getProperty("bunsui.home", ".")).toAbsolutePath().normalize();
  }

  /** {@link #find(Path, String)} for {@link #projectHome()} and this process's {@code PATH}. */
  public static Optional<Path> find() {
    return find(projectHome(), System.getenv("PATH"));
  }

  /**
   * Looks for the binary.
   *
   * @param home the project folder
   * @param pathEnv a {@code PATH} value (entries separated by {@link File#pathSeparator}); null or
   *     empty searches no folders
   * @return the absolute path of an executable file, or empty when there is none
   */
  public static Optional<Path> find(Path home, String pathEnv) {
    Path own = home.resolve(PROJECT_BINARY).toAbsolutePath().normalize();
    if (Files.isRegularFile(own) && Files.isExecutable(own)) {
      return Optional.of(own);
    }
    if (pathEnv == null || pathEnv.isBlank()) {
      return Optional.empty();
    }
    for (String dir : pathEnv.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir, "temporal").toAbsolutePath().normalize();
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * {@link #find()} or a failure that says how to install the CLI.
   *
   * @throws DevServerException with {@link #missingMessage(Path)} when there is no binary
   */
  public static Path require() {
    return find().orElseThrow(() -> new DevServerException(missingMessage(projectHome())));
  }

  /**
   * What to say when the binary is missing: where it was looked for and how to get it.
   *
   * @param home the project folder
   */
  public static String missingMessage(Path home) {
    return "the Temporal CLI was not found at "
        + home.resolve(PROJECT_BINARY)
        + " nor as 'temporal' on PATH; build it with bash "
        + INSTALL_SCRIPT
        + " (needs Go 1.25+, or Go 1.21+ which fetches 1.25) or put a temporal binary on PATH"
        + " (https://docs.temporal.io/cli#install)";
  }
}

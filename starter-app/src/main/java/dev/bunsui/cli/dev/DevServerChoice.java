package dev.bunsui.cli.dev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which server {@code bunsui dev} runs: the real Temporal dev server when the Temporal CLI is
 * installed (or named), otherwise the SDK's in-JVM server, which has no Web UI.
 *
 * @param binary the Temporal CLI to run the dev server with; empty for the in-JVM server
 * @param reason why the in-JVM server is used (empty when {@link #binary} is present)
 */
public record DevServerChoice(Optional<Path> binary, String reason) {
  /** The Web UI address {@code bunsui dev} uses by default. */
  public static final String DEFAULT_UI_URL = "http://localhost:8233";

  /**
   * Chooses the server.
   *
   * @param explicit a binary named on the command line ({@code --temporal-cli}), if any
   * @param home the project folder, where {@code .tools/temporal/bin/temporal} is looked for
   * @param pathEnv the {@code PATH} to search next
   * @param embeddedAsked whether the user asked for the in-JVM server ({@code --embedded})
   * @return the choice
   * @throws DevServerException when {@code explicit} is not an executable file
   */
  public static DevServerChoice choose(
      Optional<Path> explicit, Path home, String pathEnv, boolean embeddedAsked) {
    if (embeddedAsked) {
      return new DevServerChoice(Optional.empty(), "--embedded was given");
    }
    if (explicit.isPresent()) {
      Path binary = explicit.get().toAbsolutePath().normalize();
      if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
        throw new DevServerException(
            "--temporal-cli " + binary + " is not an executable file; " + installHint());
      }
      return new DevServerChoice(Optional.of(binary), "");
    }
    return TemporalCli.find(home, pathEnv)
        .map(b -> new DevServerChoice(Optional.of(b), ""))
        .orElseGet(
            () ->
                new DevServerChoice(
                    Optional.empty(),
                    "the Temporal CLI is not installed (not at "
                        + home.resolve(TemporalCli.PROJECT_BINARY)
                        + ", no 'temporal' on PATH)."));
  }

  /** Whether the real dev server (with the Web UI) is used. */
  public boolean realServer() {
    return binary.isPresent();
  }

  /**
   * What {@code bunsui dev} says before it starts the servers: which one and, for the in-JVM
   * server, that there is no Web UI and how to get it.
   */
  public String intro() {
    if (realServer()) {
      return "bunsui dev: starting the Temporal dev server (" + binary.get() + ") and a worker ...";
    }
    return "bunsui dev: using the in-JVM Temporal server, because "
        + reason
        + "\n  The in-JVM server has no Web UI and forgets its runs when it stops. For the real dev"
        + " server with the Web UI ("
        + DEFAULT_UI_URL
        + "), run\n    "
        + installHint()
        + "\n  and start ./bunsui dev again.";
  }

  private static String installHint() {
    return "bash "
        + TemporalCli.INSTALL_SCRIPT
        + " (builds the Temporal CLI into .tools/; needs Go)";
  }
}

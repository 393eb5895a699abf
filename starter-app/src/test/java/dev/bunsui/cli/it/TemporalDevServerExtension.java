package dev.bunsui.cli.it;

import static org.junit.jupiter.api.Assertions.fail;

import dev.bunsui.cli.dev.TemporalCli;
import dev.bunsui.cli.dev.TemporalDevServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real Temporal dev server ({@link TemporalDevServer}) per test class, on free ports, with a
 * fresh SQLite file under {@code target/it-temporal/} (deleted afterwards) and its log under {@code
 * target/it-logs/} (kept). Use it as {@code @RegisterExtension static final
 * TemporalDevServerExtension SERVER = new TemporalDevServerExtension();}.
 *
 * <p>When the Temporal CLI is not installed the test class fails (it is not skipped) with a message
 * pointing to {@value TemporalCli#INSTALL_SCRIPT}.
 */
public final class TemporalDevServerExtension implements BeforeAllCallback, AfterAllCallback {
  private static final long CLI_TIMEOUT_SECONDS = 120;
  private TemporalDevServer server;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    Path binary = requireBinary();
    String name = context.getRequiredTestClass().getSimpleName();
    String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
    Path build = buildDir();
    Path db = build.resolve("it-temporal").resolve(unique + ".db");
    server =
        TemporalDevServer.builder()
            .binary(binary)
            .dbFile(db)
            .logFile(build.resolve("it-logs").resolve(unique + "-temporal.log"))
            .start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (server != null) {
      server.close();
      // the log stays for reading; the database (and SQLite's side files) goes
      for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
        Files.deleteIfExists(Path.of(server.dbFile() + suffix));
      }
      server = null;
    }
  }

  /** The running server. */
  public TemporalDevServer server() {
    if (server == null) {
      throw new IllegalStateException("the dev server runs only during the test class");
    }
    return server;
  }

  /** The frontend's gRPC address, {@code 127.0.0.1:<port>}. */
  public String target() {
    return server().target();
  }

  /** The Web UI's address, {@code http://localhost:<ui port>}. */
  public String uiUrl() {
    return server().uiUrl();
  }

  /** The Temporal CLI binary that runs the server. */
  public Path binary() {
    return server().binary();
  }

  /**
   * Runs the real {@code temporal} CLI against this server: {@code temporal <args> --address
   * <target>}.
   *
   * @param args the command and its options, e.g. {@code "operator", "search-attribute", "list"}
   * @return the command's standard output
   * @throws AssertionError when it exits non-zero (the message quotes its standard error) or takes
   *     longer than two minutes
   */
  public String temporal(String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary().toString());
    command.addAll(List.of(args));
    command.addAll(List.of("--address", target(), "--color", "never"));
    try {
      Path dir = Files.createDirectories(buildDir().resolve("it-logs"));
      Path out = Files.createTempFile(dir, "temporal-cli-", ".out");
      Path err = Files.createTempFile(dir, "temporal-cli-", ".err");
      try {
        Process p =
            new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        p.getOutputStream().close(); // no input: a command that asks for some ends
        if (!p.waitFor(CLI_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          fail(String.join(" ", command) + " took more than " + CLI_TIMEOUT_SECONDS + " s");
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
          fail(
              String.join(" ", command)
                  + " exited with "
                  + p.exitValue()
                  + "; stderr:\n"
                  + Files.readString(err, StandardCharsets.UTF_8)
                  + "stdout:\n"
                  + stdout);
        }
        return stdout;
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run " + String.join(" ", command) + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + String.join(" ", command), e);
    }
  }

  /**
   * The Temporal CLI for integration tests.
   *
   * @throws AssertionError (a failure, not a skip) naming the install script when it is missing
   */
  public static Path requireBinary() {
    return requireBinary(projectRoot(), System.getenv("PATH"));
  }

  static Path requireBinary(Path root, String pathEnv) {
    return TemporalCli.find(root, pathEnv)
        .orElseThrow(
            () ->
                new AssertionError(
                    "integration tests need the real Temporal dev server: "
                        + TemporalCli.missingMessage(root)));
  }

  /** The project folder: {@code bunsui.projectRoot} (set by the build), else above {@code mvnw}. */
  static Path projectRoot() {
    String prop = System.getProperty("bunsui.projectRoot");
    if (prop != null && Files.exists(Path.of(prop, "mvnw"))) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no folder with mvnw above " + Path.of("").toAbsolutePath());
  }

  /**
   * This module's build folder: {@code bunsui.buildDir} (set by the build), else {@code target}.
   */
  static Path buildDir() {
    return Path.of(System.getProperty("bunsui.buildDir", "target")).toAbsolutePath().normalize();
  }
}

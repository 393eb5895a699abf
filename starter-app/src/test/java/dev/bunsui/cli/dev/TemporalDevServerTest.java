package dev.bunsui.cli.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TemporalDevServer}'s start failures and command line, with shell scripts standing in for
 * the Temporal CLI (the real server is covered by {@code DevServerIT}).
 */
class TemporalDevServerTest {
  @TempDir Path dir;

  @Test
  void aServerThatExitsAtOnceFailsWithItsArgumentsAndLog() throws Exception {
    // the fake prints its arguments, so the message (quoting the log) shows the command line
    Path fake = script("echo \"args: $*\"\necho 'boom: cannot start' >&2\nexit 7\n");
    Path log = dir.resolve("logs/server.log");

    assertThatThrownBy(
            () ->
                TemporalDevServer.builder()
                    .binary(fake)
                    .port(freePort())
                    .dbFile(dir.resolve("data/dev.db"))
                    .logFile(log)
                    .start())
        .isInstanceOf(DevServerException.class)
        .hasMessageContaining("exited with code 7")
        .hasMessageContaining(log.toString())
        .hasMessageContaining("boom: cannot start")
        .hasMessageContaining("server start-dev --ip 127.0.0.1 --port")
        .hasMessageContaining("--db-filename " + dir.resolve("data/dev.db"))
        .hasMessageContaining("--namespace default --log-level warn")
        .hasMessageContaining("--search-attribute BunsuiPipeline=Keyword")
        .hasMessageContaining("--search-attribute BookTitle=Keyword")
        .hasMessageContaining("--search-attribute Lang=Keyword")
        .hasMessageContaining("--search-attribute Stage=Keyword")
        .hasMessageContaining("--search-attribute FailedStep=Keyword")
        .hasMessageContaining("--search-attribute PendingApprovals=KeywordList")
        .hasMessageContaining("--ui-port")
        .hasMessageNotContaining("--headless");
    assertThat(dir.resolve("data")).isDirectory();
  }

  @Test
  void headlessMeansNoUiPortAndNoUiUrl() throws Exception {
    Path fake = script("echo \"args: $*\"\nexit 3\n");
    Path log = dir.resolve("server.log");

    assertThatThrownBy(
            () -> TemporalDevServer.builder().binary(fake).headless(true).logFile(log).start())
        .hasMessageContaining("--headless")
        .hasMessageNotContaining("--ui-port");
    List<String> args = List.of(Files.readString(log).strip().split(" "));
    // every port is passed explicitly, so parallel servers cannot clash on a default
    assertThat(args).contains("--port", "--http-port", "--metrics-port");
    assertThat(
            Set.of(
                value(args, "--port"), value(args, "--http-port"), value(args, "--metrics-port")))
        .hasSize(3);
  }

  @Test
  void aServerThatNeverAnswersIsStoppedAfterTheTimeout() throws Exception {
    Path pidFile = dir.resolve("pid");
    Path fake = script("echo $$ > '" + pidFile + "'\necho 'waiting forever'\nexec sleep 600\n");

    assertThatThrownBy(
            () ->
                TemporalDevServer.builder()
                    .binary(fake)
                    .headless(true)
                    .logFile(dir.resolve("server.log"))
                    .startTimeout(Duration.ofSeconds(2))
                    .start())
        .isInstanceOf(DevServerException.class)
        .hasMessageContaining("did not answer at 127.0.0.1:")
        .hasMessageContaining("within 2 s")
        .hasMessageContaining("waiting forever");
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    assertThat(process.map(ProcessHandle::isAlive))
        .as("the server process was stopped")
        .isNotEqualTo(Optional.of(true));
  }

  @Test
  void aBinaryThatIsNotExecutableIsRefused() throws Exception {
    Path notExecutable = Files.writeString(dir.resolve("temporal"), "text");

    assertThatThrownBy(() -> TemporalDevServer.builder().binary(notExecutable).start())
        .isInstanceOf(DevServerException.class)
        .hasMessageContaining(notExecutable + " is not an executable file")
        .hasMessageContaining("scripts/install-temporal-cli.sh");
  }

  @Test
  void portsOutOfRangeAreRefused() {
    assertThatThrownBy(() -> TemporalDevServer.builder().port(70000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port must be 0..65535, got 70000");
    assertThatThrownBy(() -> TemporalDevServer.builder().uiPort(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private Path script(String body) throws Exception {
    Path file = dir.resolve("fake-temporal");
    Files.writeString(file, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  private static String value(List<String> args, String option) {
    return args.get(args.indexOf(option) + 1);
  }

  private static int freePort() throws Exception {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

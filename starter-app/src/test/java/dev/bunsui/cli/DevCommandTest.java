package dev.bunsui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bunsui dev}'s refusals, which happen before any server or worker starts. */
class DevCommandTest {
  @TempDir Path dir;

  @Test
  void aMissingTemporalCliIsAUsageErrorThatSaysHowToInstallIt() {
    Path missing = dir.resolve("no/temporal");
    StringWriter err = new StringWriter();

    int code = run(err, "dev", "--temporal-cli", missing.toString(), "--out", dir.toString());

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains("error: --temporal-cli " + missing + " is not an executable file")
        .contains("scripts/install-temporal-cli.sh");
  }

  @Test
  void portsOutOfRangeAreAUsageError() {
    StringWriter err = new StringWriter();

    int code = run(err, "dev", "--port", "0", "--out", dir.toString());

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--port and --ui-port must be 1..65535");
  }

  @Test
  void devIsListedInTheHelp() {
    StringWriter out = new StringWriter();
    CommandLine cli = BunsuiCli.commandLine();
    cli.setOut(new PrintWriter(out));

    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString()).contains("dev").contains("Run a local Temporal server");
  }

  private static int run(StringWriter err, String... args) {
    CommandLine cli = BunsuiCli.commandLine();
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }
}

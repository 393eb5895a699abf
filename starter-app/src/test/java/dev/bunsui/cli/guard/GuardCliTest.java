package dev.bunsui.cli.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.cli.BunsuiCli;
import dev.bunsui.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The guard rails through the real command line: option parsing, exit codes, stderr, and the audit
 * records of each command. Refusals must come before any connection to Temporal.
 */
class GuardCliTest {
  @TempDir Path dir;

  /** Unique per test, since the module's tests may share one audit log ($BUNSUI_AUDIT_LOG). */
  private final String actor = "cli-test-" + UUID.randomUUID();

  private record Run(int code, String out, String err) {}

  private static Run cli(List<String> args) {
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    CommandLine cli = BunsuiCli.commandLine();
    cli.setOut(new PrintWriter(stdout));
    cli.setErr(new PrintWriter(stderr));
    int code = cli.execute(args.toArray(String[]::new));
    return new Run(code, stdout.toString(), stderr.toString());
  }

  /** {@code args}, then {@code --config CONFIG --actor ACTOR --format json}. */
  private List<String> args(Path config, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--config", config.toString(), "--actor", actor, "--format", "json"));
    return all;
  }

  /** This test's records in the audit log the CLI writes to with {@code config}. */
  private List<JsonNode> audit(Path config) {
    Path log =
        Guardrails.load(
                new GuardOptions(false, null, null, config, List.of()),
                Env.system(),
                Clock.systemUTC())
            .auditLog();
    return GuardFiles.records(log, actor);
  }

  private Path source() {
    return GuardFiles.write(dir.resolve("book/intro.md"), "# Intro\n\nHello.\n");
  }

  @Test
  void readOnlyRefusesPipelineRunBeforeConnectingAndAuditsTheRefusal() throws Exception {
    Path config = GuardFiles.config(dir, false, null);
    try (ServerSocket target = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Run run =
          cli(
              args(
                  config,
                  "pipeline",
                  "run",
                  "book",
                  "--source",
                  source().toString(),
                  "--target",
                  "127.0.0.1:" + target.getLocalPort(),
                  "--read-only"));

      assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.REFUSED);
      assertThat(run.err())
          .isEqualTo(
              "error: pipeline:run changes state and is refused in read-only mode (--read-only);"
                  + " run it without --read-only"
                  + System.lineSeparator());
      assertThat(run.out()).isEmpty();
      target.setSoTimeout(300);
      assertThatThrownBy(target::accept)
          .as("nothing connected to the target")
          .isInstanceOf(SocketTimeoutException.class);
    }

    List<JsonNode> records = audit(config);
    assertThat(records).hasSize(1);
    JsonNode r = records.get(0);
    assertThat(r.path("action").asText()).isEqualTo("pipeline:run");
    assertThat(r.path("resource").asText()).isEqualTo("book");
    assertThat(r.path("session_id").asText()).startsWith("book-intro-");
    assertThat(r.path("result").asText()).isEqualTo("refused");
    assertThat(r.path("detail").asText()).contains("read-only mode");
  }

  @Test
  void readOnlyInTheConfigRefusesAndNamesTheFile() {
    Path config = GuardFiles.config(dir, true, null);
    Run run =
        cli(
            args(
                config,
                "pipeline",
                "run",
                "book",
                "--source",
                source().toString(),
                "--target",
                "127.0.0.1:1"));
    assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err()).contains("read_only: true in " + config);
    assertThat(audit(config)).extracting(r -> r.path("result").asText()).containsExactly("refused");
  }

  @Test
  void anApprovalRequiredRunPrintsTheCommandToRerunWithApproval() {
    Path config =
        GuardFiles.config(
            dir, false, actor + ":\n  approval_required: [pipeline:run]\n  approvers: [alice]\n");
    String source = source().toString();
    Run run =
        cli(args(config, "pipeline", "run", "book", "--source", source, "--target", "127.0.0.1:1"));

    assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.APPROVAL_REQUIRED);
    assertThat(run.err().strip())
        .endsWith(
            "ask alice to approve, then run: bunsui pipeline run book --source "
                + source
                + " --target 127.0.0.1:1 --config "
                + config
                + " --actor "
                + actor
                + " --format json --approved-by alice");
    assertThat(audit(config))
        .extracting(r -> r.path("result").asText() + " " + r.path("approval").path("required"))
        .containsExactly("approval_required true");
  }

  @Test
  void readsWorkInReadOnlyModeAndAreNeverAudited() {
    Path config = GuardFiles.config(dir, true, null);
    Run list = cli(args(config, "pipeline", "list", "--read-only"));
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("\"name\" : \"book\"");

    // nothing listens on port 1: the read passes the guard rails, then cannot connect
    Run describe =
        cli(
            args(
                config, "session", "describe", "book-x", "--read-only", "--target", "127.0.0.1:1"));
    assertThat(describe.code()).as(describe.err()).isEqualTo(ExitCodes.UNREACHABLE);

    assertThat(audit(config)).isEmpty();
  }

  @Test
  void aDeniedReadIsRefusedBeforeConnecting() {
    Path config = GuardFiles.config(dir, false, "default:\n  denied_actions: ['session:*']\n");
    Run run = cli(args(config, "session", "result", "book-x", "--target", "127.0.0.1:1"));
    assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err())
        .contains("session:result is refused for actor '" + actor + "' (entry 'default')")
        .contains("denied_actions has 'session:*'");
    assertThat(audit(config)).isEmpty();
  }

  @Test
  void aMalformedPermissionsFileStopsEveryCommandWithFileLineAndWhy() {
    Path config = GuardFiles.config(dir, false, "default:\n  denied: [pipeline:run]\n");
    Run run = cli(args(config, "pipeline", "list"));
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .startsWith(
            "error: permissions file "
                + dir.resolve("perms.yaml")
                + ", line 2: unknown key 'denied' in actor 'default'");
    assertThat(run.out()).isEmpty();
  }
}

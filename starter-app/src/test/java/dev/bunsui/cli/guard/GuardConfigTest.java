package dev.bunsui.cli.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bunsui.cli.CliException;
import dev.bunsui.cli.ExitCodes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the config comes from, its keys and its errors; the rerun-with-approval hint. */
class GuardConfigTest {
  @TempDir Path dir;

  private Env env(Map<String, String> vars) {
    return new Env(vars, dir.resolve("home"), "tester");
  }

  @Test
  void withNoConfigAnywhereNothingIsReadOnlyAndTheAuditLogIsUnderHome() {
    GuardConfig c = GuardConfig.load(null, env(Map.of()));
    assertThat(c.file()).isNull();
    assertThat(c.readOnly()).isFalse();
    assertThat(c.permissionsFile()).isNull();
    assertThat(c.auditLog()).isEqualTo(dir.resolve("home/.local/state/bunsui/audit.jsonl"));
  }

  @Test
  void theOptionWinsOverTheEnvironmentWhichWinsOverTheDefaultFile() {
    Path dflt =
        GuardFiles.write(dir.resolve("home/.config/bunsui/config.yaml"), "read_only: true\n");
    Path fromEnv = GuardFiles.write(dir.resolve("env.yaml"), "audit_log: env.jsonl\n");
    Path explicit = GuardFiles.write(dir.resolve("explicit.yaml"), "");

    assertThat(GuardConfig.load(null, env(Map.of())).file()).isEqualTo(dflt);
    assertThat(GuardConfig.load(null, env(Map.of())).readOnly()).isTrue();
    assertThat(GuardConfig.load(null, env(Map.of("BUNSUI_CONFIG", fromEnv.toString()))).file())
        .isEqualTo(fromEnv);
    GuardConfig c = GuardConfig.load(explicit, env(Map.of("BUNSUI_CONFIG", fromEnv.toString())));
    assertThat(c.file()).isEqualTo(explicit);
    assertThat(c.readOnly()).isFalse();
  }

  @Test
  void pathsAreRelativeToTheConfigFolderOrHomeAndTheAuditLogVariableWins() {
    Path config =
        GuardFiles.write(
            dir.resolve("etc/config.yaml"),
            "permissions_file: perms/p.yaml\naudit_log: ~/logs/audit.jsonl\n");
    GuardConfig c = GuardConfig.load(config, env(Map.of()));
    assertThat(c.permissionsFile()).isEqualTo(dir.resolve("etc/perms/p.yaml"));
    assertThat(c.auditLog()).isEqualTo(dir.resolve("home/logs/audit.jsonl"));

    Path override = dir.resolve("override.jsonl");
    assertThat(
            GuardConfig.load(config, env(Map.of("BUNSUI_AUDIT_LOG", override.toString())))
                .auditLog())
        .isEqualTo(override);
  }

  @Test
  void aMissingOrMalformedConfigNamesFileLineAndWhy() {
    Path missing = dir.resolve("nope.yaml");
    assertThat(error(missing)).isEqualTo("config file " + missing + " does not exist");

    Path typo = GuardFiles.write(dir.resolve("typo.yaml"), "read_only: false\nreadonly: true\n");
    assertThat(error(typo))
        .isEqualTo(
            "config file "
                + typo
                + ", line 2: unknown key 'readonly' in the config (known keys: read_only,"
                + " permissions_file, audit_log)");

    Path notBool = GuardFiles.write(dir.resolve("b.yaml"), "read_only: maybe\n");
    assertThat(error(notBool))
        .endsWith("line 1: 'read_only' must be true or false, not the string 'maybe'");

    Path noPath = GuardFiles.write(dir.resolve("p.yaml"), "\n\npermissions_file:\n");
    assertThat(error(noPath))
        .endsWith("line 3: 'permissions_file' must be a non-empty string, not nothing (null)");
  }

  @Test
  void aConfiguredPermissionsFileThatIsMissingIsAnErrorNotPermission() {
    Path config = GuardFiles.write(dir.resolve("c.yaml"), "permissions_file: gone.yaml\n");
    CliException e =
        catchThrowableOfType(
            CliException.class,
            () ->
                Guardrails.load(
                    new GuardOptions(false, "a", null, config, List.of()),
                    env(Map.of()),
                    java.time.Clock.systemUTC()));
    assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(e.getMessage())
        .isEqualTo("permissions file " + dir.resolve("gone.yaml") + " does not exist");
  }

  @Test
  void theRerunHintAddsOrReplacesApprovedByAndQuotesForTheShell() {
    assertThat(RerunHint.withApproval(List.of("bunsui", "job", "rerun", "j-1"), "alice"))
        .isEqualTo("bunsui job rerun j-1 --approved-by alice");
    assertThat(
            RerunHint.withApproval(
                List.of("bunsui", "job", "rerun", "--approved-by", "mallory", "j 1"), null))
        .isEqualTo("bunsui job rerun 'j 1' --approved-by <approver>");
    assertThat(
            RerunHint.withApproval(
                List.of("bunsui", "x", "y", "--approved-by=bob", "--", "--odd"), "Ann O'Neil"))
        .isEqualTo("bunsui x y --approved-by 'Ann O'\\''Neil' -- --odd");
    assertThat(RerunHint.withApproval(List.of(), "alice"))
        .isEqualTo("the same command with --approved-by alice");
  }

  private String error(Path config) {
    CliException e =
        catchThrowableOfType(CliException.class, () -> GuardConfig.load(config, env(Map.of())));
    assertThat(e).isNotNull();
    assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
    return e.getMessage();
  }
}

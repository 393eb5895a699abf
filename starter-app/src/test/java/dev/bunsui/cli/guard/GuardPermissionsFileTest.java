package dev.bunsui.cli.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bunsui.cli.CliException;
import dev.bunsui.cli.ExitCodes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Permissions files: what is read, and the message for each way one can be wrong. */
class GuardPermissionsFileTest {
  @TempDir Path dir;

  private String error(String yaml) {
    Path file = GuardFiles.write(dir.resolve("perms.yaml"), yaml);
    CliException e = catchThrowableOfType(CliException.class, () -> Permissions.load(file));
    assertThat(e).as("expected an error for:%n%s", yaml).isNotNull();
    assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(e.getMessage()).startsWith("permissions file " + file + ", line ");
    return e.getMessage().substring(("permissions file " + file + ", ").length());
  }

  @Test
  void readsTheDesignDocumentsExample() {
    Path file =
        GuardFiles.write(
            dir.resolve("ai_permissions.yaml"),
            """
            # config/ai_permissions.yaml
            ai_agent:
              allowed_actions:
                - session:list
                - session:describe
                - error:analyze
                - job:rerun
                - recovery:suggest

              denied_actions:
                - pipeline:delete
                - config:modify_critical

              approval_required:
                - job:rerun
                - session:rerun
              approvers: [ops@example.com]
            """);
    ActorRules rules = Permissions.load(file).rulesFor("ai_agent");
    assertThat(rules.allowed()).hasSize(5);
    assertThat(rules.allowed().get(3).line()).isEqualTo(7);
    assertThat(rules.denied())
        .extracting(r -> r.pattern().toString())
        .containsExactly("pipeline:delete", "config:modify_critical");
    assertThat(rules.approvalRequired()).hasSize(2);
    assertThat(rules.approverNames()).containsExactly("ops@example.com");
    assertThat(Permissions.load(file).rulesFor("someone-else")).isNull();
  }

  @Test
  void anUnknownKeyIsNamedWithItsLineAndTheKnownKeys() {
    assertThat(error("ai-agent:\n  denied_actions: []\n  alowed_actions: [session:list]\n"))
        .isEqualTo(
            "line 3: unknown key 'alowed_actions' in actor 'ai-agent' (known keys:"
                + " allowed_actions, denied_actions, approval_required, approvers)");
  }

  @Test
  void wrongTypesSayWhatWasExpectedAndWhatWasFound() {
    assertThat(error("ai-agent:\n  denied_actions: pipeline:run\n"))
        .isEqualTo(
            "line 2: 'denied_actions' must be a list of action patterns (write [] for none), not"
                + " the string 'pipeline:run'");
    assertThat(error("ai-agent:\n  denied_actions:\n    - 42\n"))
        .isEqualTo(
            "line 3: each item of 'denied_actions' must be an action pattern, not the number 42");
    assertThat(error("ai-agent:\n  approvers: {alice: yes}\n"))
        .startsWith("line 2: 'approvers' must be a list of names");
    assertThat(error("- ai-agent\n"))
        .isEqualTo(
            "line 1: the top level (actor names) must be a mapping (key: value lines), not a list");
    assertThat(error("ai-agent: [session:list]\n"))
        .isEqualTo("line 1: actor 'ai-agent' must be a mapping (key: value lines), not a list");
    assertThat(error("ai-agent:\nalice:\n  denied_actions: []\n"))
        .startsWith("line 1: actor 'ai-agent' has no rules");
  }

  @Test
  void badActionPatternSyntaxIsExplained() {
    assertThat(error("ai-agent:\n  allowed_actions:\n    - session:list\n    - session:re*\n"))
        .isEqualTo(
            "line 4: 'session:re*' is not an action pattern: expected resource:action,"
                + " resource:*, *:action or * (lower-case letters, digits, _ and -)");
    assertThat(error("ai-agent:\n  denied_actions: [rerun]\n"))
        .startsWith("line 2: 'rerun' is not an action pattern");
    assertThat(error("ai-agent:\n  denied_actions: ['Session:List']\n"))
        .startsWith("line 2: 'Session:List' is not an action pattern");
  }

  @Test
  void invalidYamlDuplicatesAndEmptinessAreErrorsToo() {
    assertThat(error("ai-agent:\n  denied_actions: [a:b\n")).contains("not valid YAML");
    assertThat(error("ai-agent:\n  denied_actions: []\nai-agent:\n  denied_actions: []\n"))
        .startsWith("line 3: not valid YAML: Duplicate field 'ai-agent'");
    assertThat(error("# nothing here\n")).startsWith("line 1: the file is empty");
  }

  @Test
  void approvalRequiredWithoutApproversIsRefusedAtLoad() {
    assertThat(error("ai-agent:\n  approval_required: [job:rerun]\n"))
        .startsWith(
            "line 2: actor 'ai-agent' has approval_required actions but no approvers, so nobody"
                + " could approve them");
  }

  @Test
  void patternsMatchWholeParts() {
    assertThat(ActionPattern.parse("session:*").matches("session:rerun")).isTrue();
    assertThat(ActionPattern.parse("session:*").matches("sessions:rerun")).isFalse();
    assertThat(ActionPattern.parse("*:rerun").matches("job:rerun")).isTrue();
    assertThat(ActionPattern.parse("*:rerun").matches("job:rerun-all")).isFalse();
    assertThat(ActionPattern.parse("*").matches("pipeline:run")).isTrue();
    assertThat(ActionPattern.parse("error:analyze").matches("error:analyze")).isTrue();
  }
}

package dev.bunsui.cli.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.cli.CliException;
import dev.bunsui.cli.ExitCodes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read-only mode, permissions and approvals, and what each writes to the audit log. */
class GuardrailsTest {
  private static final Instant NOW = Instant.parse("2024-01-10T10:31:00Z");
  private static final List<String> RERUN =
      List.of("bunsui", "session", "rerun", "ses-1", "--actor", "ai-agent");

  @TempDir Path dir;

  private Guardrails guard(boolean readOnly, String permissions, String actor, String approver) {
    return guard(readOnly, permissions, actor, approver, Map.of());
  }

  private Guardrails guard(
      boolean readOnly,
      String permissions,
      String actor,
      String approver,
      Map<String, String> env) {
    Path config = GuardFiles.config(dir, false, permissions);
    return Guardrails.load(
        new GuardOptions(readOnly, actor, approver, config, RERUN),
        new Env(env, dir.resolve("home"), "tester"),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private List<JsonNode> audit() {
    return GuardFiles.records(dir.resolve("audit.jsonl"));
  }

  private static CliException refusal(Guardrails guard, String action) {
    return catchThrowableOfType(
        CliException.class, () -> guard.begin(action, "ses-1", "ses-1").close());
  }

  @Test
  void withoutAPermissionsFileEverythingIsAllowedAndEachMutationIsAuditedOnce() {
    Guardrails guard = guard(false, null, "ai-agent", null);
    try (MutatingAction action = guard.begin("job:rerun", "job-003", "ses-123456")) {
      action.succeeded("new run r-2");
    }
    guard.checkRead("session:describe");

    List<JsonNode> records = audit();
    assertThat(records).hasSize(1);
    JsonNode r = records.get(0);
    assertThat(r.path("timestamp").asText()).isEqualTo("2024-01-10T10:31:00Z");
    assertThat(r.path("actor").asText()).isEqualTo("ai-agent");
    assertThat(r.path("action").asText()).isEqualTo("job:rerun");
    assertThat(r.path("resource").asText()).isEqualTo("job-003");
    assertThat(r.path("session_id").asText()).isEqualTo("ses-123456");
    assertThat(r.path("approval").path("required").asBoolean()).isFalse();
    assertThat(r.path("approval").path("approved_by").isNull()).isTrue();
    assertThat(r.path("result").asText()).isEqualTo("success");
    assertThat(r.path("detail").asText()).isEqualTo("new run r-2");
  }

  @Test
  void aDeniedActionIsRefusedForOneActorAndAllowedForAnother() {
    String perms =
        """
        ai-agent:
          denied_actions:
            - pipeline:run
        alice:
          denied_actions: []
        """;
    CliException e = refusal(guard(false, perms, "ai-agent", null), "pipeline:run");
    assertThat(e.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(e.getMessage())
        .contains("pipeline:run is refused for actor 'ai-agent'")
        .contains("denied_actions has 'pipeline:run'")
        .contains("perms.yaml, line 3");

    try (MutatingAction action =
        guard(false, perms, "alice", null).begin("pipeline:run", "b", "")) {
      action.succeeded();
    }

    assertThat(audit())
        .extracting(r -> r.path("actor").asText() + " " + r.path("result").asText())
        .containsExactly("ai-agent refused", "alice success");
    assertThat(audit().get(0).path("detail").asText()).isEqualTo(e.getMessage());
  }

  @Test
  void deniedWinsAnAllowListRefusesTheRestAndWildcardsMatchAWholePart() {
    String perms =
        """
        ai-agent:
          allowed_actions: [session:*, job:rerun]
          denied_actions: [session:cancel]
        """;
    Guardrails guard = guard(false, perms, "ai-agent", null);

    assertThat(refusal(guard, "session:cancel").getMessage()).contains("denied_actions");
    assertThat(refusal(guard, "pipeline:run").getMessage())
        .contains("pipeline:run is refused for actor 'ai-agent': it is not in its allowed_actions")
        .contains("line 1");
    assertThat(refusal(guard, "session:rerun")).isNull();
    assertThat(refusal(guard, "job:rerun")).isNull();
    guard.checkRead("session:describe");
    assertThatThrownBy(() -> guard.checkRead("pipeline:list"))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("not in its allowed_actions");
    assertThatThrownBy(() -> guard.checkRead("session:cancel"))
        .hasMessageContaining("denied_actions has 'session:cancel'");
  }

  @Test
  void theDefaultEntryAppliesToActorsNotListed() {
    String perms =
        """
        default:
          denied_actions: ["*:rerun"]
        ai-agent:
          approval_required: []
          approvers: [alice]
        """;
    assertThat(refusal(guard(false, perms, "bob", null), "job:rerun").getMessage())
        .contains("actor 'bob' (entry 'default')")
        .contains("'*:rerun'");
    assertThat(refusal(guard(false, perms, "ai-agent", null), "job:rerun")).isNull();
    assertThat(refusal(guard(false, "ai-agent:\n  denied_actions: ['*']\n", "bob", null), "x:y"))
        .as("no entry and no default: not restricted")
        .isNull();
  }

  @Test
  void anApprovalRequiredActionNeedsAListedApproverWhoIsNotTheActor() {
    String perms =
        """
        ai-agent:
          approval_required:
            - session:rerun
          approvers: [alice, ai-agent]
        """;

    CliException none = refusal(guard(false, perms, "ai-agent", null), "session:rerun");
    assertThat(none.exitCode()).isEqualTo(ExitCodes.APPROVAL_REQUIRED);
    assertThat(none.getMessage())
        .contains("session:rerun needs approval for actor 'ai-agent'")
        .contains("approval_required 'session:rerun'")
        .contains("perms.yaml, line 3")
        .endsWith(
            "ask alice to approve, then run:"
                + " bunsui session rerun ses-1 --actor ai-agent --approved-by alice");

    CliException stranger = refusal(guard(false, perms, "ai-agent", "mallory"), "session:rerun");
    assertThat(stranger.exitCode()).isEqualTo(ExitCodes.APPROVAL_REQUIRED);
    assertThat(stranger.getMessage()).contains("'mallory' is not one of its approvers");

    CliException self = refusal(guard(false, perms, "ai-agent", "ai-agent"), "session:rerun");
    assertThat(self.exitCode()).isEqualTo(ExitCodes.APPROVAL_REQUIRED);
    assertThat(self.getMessage()).contains("an actor cannot approve its own action");

    try (MutatingAction action =
        guard(false, perms, "ai-agent", "alice").begin("session:rerun", "ses-1", "ses-1")) {
      assertThat(action.approval().approvedBy()).isEqualTo("alice");
      action.succeeded();
    }

    List<JsonNode> records = audit();
    assertThat(records)
        .extracting(r -> r.path("result").asText())
        .containsExactly("approval_required", "approval_required", "approval_required", "success");
    assertThat(records.get(1).path("approval").path("approved_by").asText()).isEqualTo("mallory");
    assertThat(records.get(1).path("approval").path("approved_at").isNull()).isTrue();
    JsonNode approved = records.get(3).path("approval");
    assertThat(approved.path("required").asBoolean()).isTrue();
    assertThat(approved.path("approved_by").asText()).isEqualTo("alice");
    assertThat(approved.path("approved_at").asText()).isEqualTo("2024-01-10T10:31:00Z");
  }

  @Test
  void readOnlyRefusesEveryMutationAndSaysHowToTurnItOff() {
    CliException flag = refusal(guard(true, null, "a", null), "session:cancel");
    assertThat(flag.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(flag.getMessage())
        .isEqualTo(
            "session:cancel changes state and is refused in read-only mode (--read-only);"
                + " run it without --read-only");

    Path config = GuardFiles.config(dir, true, null);
    Guardrails fromConfig =
        Guardrails.load(
            new GuardOptions(false, "a", null, config, List.of()),
            new Env(Map.of(), dir, "tester"),
            Clock.systemUTC());
    assertThat(fromConfig.readOnly()).isTrue();
    assertThat(refusal(fromConfig, "job:rerun").getMessage())
        .contains("read_only: true in " + config)
        .contains("set read_only: false in " + config);
    fromConfig.checkRead("session:describe");

    assertThat(audit()).extracting(r -> r.path("result").asText()).containsOnly("refused");
    assertThat(audit()).hasSize(2);
  }

  @Test
  void readsAreNeverAudited() {
    Guardrails guard = guard(true, "default:\n  allowed_actions: ['*']\n", "a", "alice");
    guard.checkRead("session:describe");
    guard.checkRead("pipeline:list");
    assertThat(dir.resolve("audit.jsonl")).doesNotExist();
  }

  @Test
  void eachOutcomeIsAuditedOnceAndAMissingOneCountsAsFailure() {
    Guardrails guard = guard(false, null, "a", null);
    try (MutatingAction action = guard.begin("session:cancel", "s", "s")) {
      action.dryRun("would cancel s");
    }
    try (MutatingAction action = guard.begin("session:cancel", "s", "s")) {
      try {
        throw new IllegalStateException("server said no");
      } catch (IllegalStateException e) {
        assertThat(action.failed(e)).isSameAs(e);
      }
    }
    MutatingAction silent = guard.begin("session:cancel", "s", "s");
    silent.close();
    silent.close();

    assertThat(audit())
        .extracting(r -> r.path("result").asText() + ": " + r.path("detail").asText())
        .containsExactly(
            "dry_run: would cancel s",
            "failure: server said no",
            "failure: ended without reporting an outcome (see the command's error)");
  }

  @Test
  void theActorIsTheOptionElseTheEnvironmentElseTheOsUser() {
    Map<String, String> env = Map.of(Guardrails.ACTOR_ENV, "agent-7");
    assertThat(guard(false, null, "cli-actor", null, env).actor()).isEqualTo("cli-actor");
    assertThat(guard(false, null, null, null, env).actor()).isEqualTo("agent-7");
    assertThat(guard(false, null, " ", null, Map.of()).actor()).isEqualTo("user:tester");
  }

  @Test
  void anUnwritableAuditLogRefusesMutationsButNotReads() {
    GuardFiles.write(dir.resolve("blocker"), "a file, not a folder");
    Path config = GuardFiles.write(dir.resolve("c.yaml"), "audit_log: blocker/audit.jsonl\n");
    Guardrails guard =
        Guardrails.load(
            new GuardOptions(false, "a", null, config, List.of()),
            new Env(Map.of(), dir, "tester"),
            Clock.systemUTC());
    CliException e = refusal(guard, "pipeline:run");
    assertThat(e.exitCode()).isEqualTo(ExitCodes.REFUSED);
    assertThat(e.getMessage()).contains("the audit log " + dir.resolve("blocker/audit.jsonl"));
    guard.checkRead("session:describe");
  }

  @Test
  void commandsMustNameAnActionAsResourceColonAction() {
    Guardrails guard = guard(false, null, "a", null);
    assertThatThrownBy(() -> guard.begin("rerun", "r", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'rerun' is not an action pattern");
    assertThatThrownBy(() -> guard.checkRead("session:*"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a pattern, not an action name");
  }
}

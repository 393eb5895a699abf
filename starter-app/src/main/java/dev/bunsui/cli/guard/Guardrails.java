package dev.bunsui.cli.guard;

import dev.bunsui.cli.CliException;
import dev.bunsui.cli.ExitCodes;
import dev.bunsui.cli.GlobalOptions;
import dev.bunsui.cli.guard.AuditRecord.Approval;
import dev.bunsui.cli.guard.AuditRecord.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Guard rails for one command: read-only mode, the permissions file and the audit log. Every
 * command loads them once and declares whether it mutates:
 *
 * <pre>{@code
 * Guardrails guard = Guardrails.load(global);
 * // a command that changes state: refused (and audited) here, else audited when closed
 * try (MutatingAction action = guard.begin("session:rerun", jobId, sessionId)) { ... }
 * // a command that only reads: the permissions file can deny it; never audited
 * guard.checkRead("session:describe");
 * }</pre>
 *
 * <p>Rules, in order, for a mutating action: read-only mode ({@code --read-only} or {@code
 * read_only: true}) refuses it; the actor's {@code denied_actions} refuse it; when the actor has
 * {@code allowed_actions}, anything not in them is refused; {@code approval_required} actions need
 * {@code --approved-by} naming one of the actor's {@code approvers} other than the actor. A read is
 * checked against the denied and allowed lists only. The actor is {@code --actor}, else {@code
 * $BUNSUI_ACTOR}, else {@code user:<OS user name>}; its rules are its entry in the permissions
 * file, else the {@code default} entry, else none. See {@link GuardConfig} for the config file.
 *
 * <p>Refusals throw {@link CliException} with {@link ExitCodes#REFUSED} or {@link
 * ExitCodes#APPROVAL_REQUIRED}; a malformed config or permissions file throws one with {@link
 * ExitCodes#USAGE} naming the file, the line and why.
 */
public final class Guardrails {
  /** Environment variable naming the actor when {@code --actor} is not given. */
  public static final String ACTOR_ENV = "BUNSUI_ACTOR";

  private final GuardOptions options;
  private final GuardConfig config;
  private final Permissions permissions;
  private final AuditLog audit;
  private final Clock clock;
  private final String actor;

  private Guardrails(
      GuardOptions options,
      GuardConfig config,
      Permissions permissions,
      Clock clock,
      String actor) {
    this.options = options;
    this.config = config;
    this.permissions = permissions;
    this.audit = new AuditLog(config.auditLog());
    this.clock = clock;
    this.actor = actor;
  }

  /**
   * The guard rails for a command's global options, this process's environment and the clock.
   *
   * @throws CliException ({@link ExitCodes#USAGE}) when the config or permissions file is missing
   *     or malformed
   */
  public static Guardrails load(GlobalOptions global) {
    return load(global.guardOptions(), Env.system(), Clock.systemUTC());
  }

  /**
   * The guard rails for the given options, environment and clock.
   *
   * @throws CliException ({@link ExitCodes#USAGE}) when the config or permissions file is missing
   *     or malformed
   */
  public static Guardrails load(GuardOptions options, Env env, Clock clock) {
    GuardConfig config = GuardConfig.load(options.config(), env);
    Permissions permissions =
        config.permissionsFile() == null ? null : Permissions.load(config.permissionsFile());
    String actor = blankToNull(options.actor());
    if (actor == null) {
      actor = env.get(ACTOR_ENV) != null ? env.get(ACTOR_ENV) : "user:" + env.userName();
    }
    return new Guardrails(options, config, permissions, clock, actor);
  }

  /** Who runs the command. */
  public String actor() {
    return actor;
  }

  /** Whether read-only mode is on ({@code --read-only} or {@code read_only: true}). */
  public boolean readOnly() {
    return options.readOnly() || config.readOnly();
  }

  /** The audit log file. */
  public Path auditLog() {
    return audit.file();
  }

  /**
   * Checks a mutating action before it does anything; a refusal is audited.
   *
   * @param action {@code resource:action}, such as {@code session:rerun}
   * @param resource what it acts on (a pipeline name, a job id, …), for the audit record
   * @param sessionId the session (workflow id) concerned, or {@code null}
   * @return the allowed action; close it (try-with-resources) to audit how it ended
   * @throws CliException {@link ExitCodes#REFUSED} in read-only mode, when the action is denied or
   *     when the audit log cannot be written; {@link ExitCodes#APPROVAL_REQUIRED} without a valid
   *     approval (the message gives the command to rerun with {@code --approved-by})
   */
  public MutatingAction begin(String action, String resource, String sessionId) {
    ActionPattern.requireName(action);
    String approvedBy = blankToNull(options.approvedBy());
    Approval notRequired = new Approval(false, approvedBy, null);
    if (readOnly()) {
      throw refuse(
          action, resource, sessionId, notRequired, Result.REFUSED, readOnlyMessage(action));
    }
    ActorRules rules = permissions == null ? null : permissions.rulesFor(actor);
    String denial = denial(rules, action);
    if (denial != null) {
      throw refuse(action, resource, sessionId, notRequired, Result.REFUSED, denial);
    }
    Approval approval = notRequired;
    Optional<ActorRules.Rule> needs =
        rules == null ? Optional.empty() : ActorRules.match(rules.approvalRequired(), action);
    if (needs.isPresent()) {
      String problem = approvalProblem(rules, needs.get(), action, approvedBy);
      Approval claimed = new Approval(true, approvedBy, null);
      if (problem != null) {
        throw refuse(action, resource, sessionId, claimed, Result.APPROVAL_REQUIRED, problem);
      }
      approval = new Approval(true, approvedBy, now());
    }
    try {
      audit.checkWritable();
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.REFUSED,
          action
              + " is refused: the audit log "
              + audit.file()
              + " cannot be written ("
              + e
              + "); fix its folder or point audit_log or "
              + GuardConfig.AUDIT_LOG_ENV
              + " at a writable file");
    }
    return new MutatingAction(this, action, resource, sessionId, approval);
  }

  /**
   * Checks a read-only action: read-only mode never blocks it, the permissions file can. Nothing is
   * audited.
   *
   * @param action {@code resource:action}, such as {@code session:describe}
   * @throws CliException {@link ExitCodes#REFUSED} when the actor may not do it
   */
  public void checkRead(String action) {
    ActionPattern.requireName(action);
    String denial = denial(permissions == null ? null : permissions.rulesFor(actor), action);
    if (denial != null) {
      throw new CliException(ExitCodes.REFUSED, denial);
    }
  }

  /** Appends one audit record stamped now. */
  void audit(
      String action,
      String resource,
      String sessionId,
      Approval approval,
      Result result,
      String detail) {
    audit.append(
        new AuditRecord(now(), actor, action, resource, sessionId, approval, result, detail));
  }

  private CliException refuse(
      String action,
      String resource,
      String sessionId,
      Approval approval,
      Result result,
      String message) {
    try {
      audit(action, resource, sessionId, approval, result, message);
    } catch (UncheckedIOException e) {
      message += " (this refusal could not be audited: " + e.getMessage() + ")";
    }
    return new CliException(
        result == Result.APPROVAL_REQUIRED ? ExitCodes.APPROVAL_REQUIRED : ExitCodes.REFUSED,
        message);
  }

  private String readOnlyMessage(String action) {
    String flag = "--read-only";
    String key = "read_only: true in " + config.file();
    String why =
        options.readOnly() && config.readOnly()
            ? flag + ", and " + key
            : options.readOnly() ? flag : key;
    String fix =
        options.readOnly() && config.readOnly()
            ? "drop --read-only and set read_only: false in " + config.file()
            : options.readOnly()
                ? "run it without --read-only"
                : "set read_only: false in " + config.file() + " (or use another --config)";
    return action + " changes state and is refused in read-only mode (" + why + "); " + fix;
  }

  private String denial(ActorRules rules, String action) {
    if (rules == null) {
      return null;
    }
    String who = who(rules);
    Optional<ActorRules.Rule> denied = ActorRules.match(rules.denied(), action);
    if (denied.isPresent()) {
      return action
          + " is refused for "
          + who
          + ": denied_actions has '"
          + denied.get().pattern()
          + "' ("
          + rules.at(denied.get().line())
          + ")";
    }
    if (rules.allowed() != null && ActorRules.match(rules.allowed(), action).isEmpty()) {
      return action
          + " is refused for "
          + who
          + ": it is not in its allowed_actions ("
          + rules.at(rules.line())
          + ")";
    }
    return null;
  }

  private String approvalProblem(
      ActorRules rules, ActorRules.Rule rule, String action, String approvedBy) {
    List<String> eligible =
        rules.approverNames().stream().filter(name -> !name.equals(actor)).toList();
    String why =
        action
            + " needs approval for "
            + who(rules)
            + " (approval_required '"
            + rule.pattern()
            + "', "
            + rules.at(rule.line())
            + ")";
    if (eligible.isEmpty()) {
      return why
          + ", and no approver other than the actor is listed, so nobody can approve it; add"
          + " approvers to "
          + rules.file();
    }
    if (approvedBy != null && eligible.contains(approvedBy)) {
      return null;
    }
    String problem =
        approvedBy == null
            ? ""
            : approvedBy.equals(actor)
                ? "; an actor cannot approve its own action"
                : "; '" + approvedBy + "' is not one of its approvers";
    String hint =
        RerunHint.withApproval(
            options.commandLine(), eligible.size() == 1 ? eligible.get(0) : null);
    return why
        + problem
        + "; ask "
        + (eligible.size() == 1 ? eligible.get(0) : "one of " + String.join(", ", eligible))
        + " to approve, then run: "
        + hint;
  }

  private String who(ActorRules rules) {
    return rules.entry().equals(actor)
        ? "actor '" + actor + "'"
        : "actor '" + actor + "' (entry '" + rules.entry() + "')";
  }

  private String now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}

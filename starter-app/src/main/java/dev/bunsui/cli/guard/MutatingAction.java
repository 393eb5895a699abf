package dev.bunsui.cli.guard;

import dev.bunsui.cli.guard.AuditRecord.Result;

/**
 * A mutating command that the guard rails let through; closing it appends its one audit record.
 * Report the outcome before it closes:
 *
 * <pre>{@code
 * try (MutatingAction action = guard.begin("session:rerun", id, id)) {
 *   try {
 *     ... do it ...
 *     action.succeeded("new run " + runId);      // or action.dryRun("would rerun …")
 *   } catch (Exception e) {
 *     throw action.failed(e);                    // audited as failure with e's message
 *   }
 * }
 * }</pre>
 *
 * Closing without an outcome audits a failure. The last outcome reported wins.
 */
public final class MutatingAction implements AutoCloseable {
  private final Guardrails guard;
  private final String action;
  private final String resource;
  private final String sessionId;
  private final AuditRecord.Approval approval;
  private Result result;
  private String detail;
  private boolean closed;

  MutatingAction(
      Guardrails guard,
      String action,
      String resource,
      String sessionId,
      AuditRecord.Approval approval) {
    this.guard = guard;
    this.action = action;
    this.resource = resource;
    this.sessionId = sessionId;
    this.approval = approval;
  }

  /** The action did what was asked. */
  public void succeeded() {
    succeeded(null);
  }

  /**
   * The action did what was asked.
   *
   * @param detail what it did, for the audit record, or {@code null}
   */
  public void succeeded(String detail) {
    outcome(Result.SUCCESS, detail);
  }

  /** The command only showed what it would do ({@code --dry-run}). */
  public void dryRun() {
    dryRun(null);
  }

  /**
   * The command only showed what it would do ({@code --dry-run}).
   *
   * @param detail what it would do, or {@code null}
   */
  public void dryRun(String detail) {
    outcome(Result.DRY_RUN, detail);
  }

  /**
   * The action failed; audited with the error's message.
   *
   * @param error what went wrong
   * @return {@code error}, to rethrow: {@code throw action.failed(e);}
   */
  public <T extends Throwable> T failed(T error) {
    String message = error.getMessage();
    outcome(Result.FAILURE, message != null ? message : error.getClass().getName());
    return error;
  }

  /** Whether approval was required, and who approved. */
  public AuditRecord.Approval approval() {
    return approval;
  }

  private void outcome(Result result, String detail) {
    this.result = result;
    this.detail = detail;
  }

  /** Appends the audit record (once). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (result == null) {
      outcome(Result.FAILURE, "ended without reporting an outcome (see the command's error)");
    }
    guard.audit(action, resource, sessionId, approval, result, detail);
  }
}

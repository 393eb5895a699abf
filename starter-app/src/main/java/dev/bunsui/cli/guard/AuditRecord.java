package dev.bunsui.cli.guard;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One line of the audit log: one mutating command.
 *
 * @param timestamp when the command ended, ISO-8601 UTC
 * @param actor who ran it
 * @param action the action, {@code resource:action}
 * @param resource what it acted on (a pipeline, a job, …)
 * @param sessionId the session (workflow id) concerned, or {@code null}
 * @param approval whether approval was needed and who gave it
 * @param result how it ended
 * @param detail why it was refused or failed, or what it did; may be {@code null}
 */
@JsonPropertyOrder({
  "timestamp",
  "actor",
  "action",
  "resource",
  "session_id",
  "approval",
  "result",
  "detail"
})
public record AuditRecord(
    String timestamp,
    String actor,
    String action,
    String resource,
    @JsonProperty("session_id") String sessionId,
    Approval approval,
    Result result,
    String detail) {

  /**
   * The approval part of a record.
   *
   * @param required whether the permissions file requires approval for this actor and action
   * @param approvedBy the {@code --approved-by} name given, or {@code null}
   * @param approvedAt when the approved command ran (ISO-8601 UTC), or {@code null} when no valid
   *     approval was given
   */
  @JsonPropertyOrder({"required", "approved_by", "approved_at"})
  public record Approval(
      boolean required,
      @JsonProperty("approved_by") String approvedBy,
      @JsonProperty("approved_at") String approvedAt) {}

  /** How a mutating command ended. */
  public enum Result {
    /** It did what was asked. */
    SUCCESS,
    /** It started but failed. */
    FAILURE,
    /** Refused by read-only mode, the permissions file or an unwritable audit log. */
    REFUSED,
    /** Refused for lack of a valid approval. */
    APPROVAL_REQUIRED,
    /** It only showed what it would do. */
    DRY_RUN;

    /** The name written to the log: {@code success}, {@code dry_run}, … */
    @JsonValue
    public String json() {
      return name().toLowerCase();
    }
  }
}

package dev.bunsui.cli.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One event of a job's progress, as the CLI prints it and the HTTP API streams it (one JSON object
 * per line). Events are derived by comparing successive snapshots of the run (the pipeline's
 * execution record, a book's progress) and from the run's completion.
 *
 * @param event {@code job_started}, {@code step_started}, {@code approval_requested}, {@code
 *     item_completed}, {@code step_completed}, {@code job_completed} or {@code job_failed}
 * @param jobId the run's workflow id
 * @param step the step id (a pipeline step, or {@code chapter-N} of a book); null for job events
 * @param item the {@code for_each} item index (or a book chapter's section count); null otherwise
 * @param status the step's, item's or run's status in lower case ({@code succeeded}, {@code
 *     skipped}, {@code failed}, {@code completed}, {@code cancelled} …); null when not applicable
 * @param reason why a step or item was skipped or failed, or how a run failed; null otherwise
 * @param attempts activity attempts used, for completed steps; null otherwise
 * @param durationMillis a completed step's duration in milliseconds; null when unknown
 * @param command for {@code approval_requested}: the CLI command that approves
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobEvent(
    String event,
    String jobId,
    String step,
    Integer item,
    String status,
    String reason,
    Integer attempts,
    Long durationMillis,
    String command) {

  /** Event names. */
  public static final String JOB_STARTED = "job_started";

  /** A step left {@code pending}. */
  public static final String STEP_STARTED = "step_started";

  /** A step reached a final status. */
  public static final String STEP_COMPLETED = "step_completed";

  /** A {@code for_each} item (or a book section) reached a final status. */
  public static final String ITEM_COMPLETED = "item_completed";

  /** A step waits for an {@code approve} or {@code reject} Update. */
  public static final String APPROVAL_REQUESTED = "approval_requested";

  /** The run completed. */
  public static final String JOB_COMPLETED = "job_completed";

  /** The run failed, was cancelled, terminated or timed out. */
  public static final String JOB_FAILED = "job_failed";

  static JobEvent of(String event, String jobId, String step, String status) {
    return new JobEvent(event, jobId, step, null, status, null, null, null, null);
  }

  /** One line for a terminal: {@code step_completed creative_generation succeeded (1 attempt)}. */
  public String line() {
    StringBuilder b = new StringBuilder(event);
    if (step != null) {
      b.append(' ').append(step);
    }
    if (item != null) {
      b.append(" item ").append(item);
    }
    if (status != null) {
      b.append(' ').append(status);
    }
    if (attempts != null) {
      b.append(" (").append(attempts).append(attempts == 1 ? " attempt" : " attempts");
      if (durationMillis != null) {
        b.append(", ").append(durationMillis).append(" ms");
      }
      b.append(')');
    }
    if (reason != null) {
      b.append(": ").append(reason);
    }
    if (command != null) {
      b.append("; approve with: ").append(command);
    }
    return b.toString();
  }
}

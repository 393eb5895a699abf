package dev.bunsui.cli.steps;

import java.util.List;

/**
 * One step (a job) of a session as its history tells it: an activity, or a child workflow with its
 * own steps.
 *
 * @param path the step's path in the workflow tree, such as {@code
 *     chapter-1/section-2/ConvertFigure} (the form of the {@code FailedStep} search attribute)
 * @param kind {@code activity} or {@code workflow}
 * @param type the activity type or workflow type
 * @param summary the summary the workflow gave the step (shown in the Web UI); may be null
 * @param status {@code completed}, {@code failed}, {@code timed_out}, {@code canceled}, {@code
 *     terminated}, {@code running} or {@code scheduled}
 * @param attempts attempts started (activities; 0 when none started yet)
 * @param errorCode the error taxonomy code of a failure ({@code dev.bunsui.failure.ErrorCode}), the
 *     timeout type for a timeout; null when the step did not fail
 * @param message the failure message; null when the step did not fail
 * @param nonRetryable whether the failure was marked non-retryable
 * @param workflowId the workflow the step ran in (for a child, the child's own id)
 * @param runId that workflow's run id
 * @param eventId the event that scheduled or initiated the step in its parent's history
 * @param scheduledAt ISO-8601 time the step was scheduled
 * @param closedAt ISO-8601 time the step ended; null while it runs
 * @param steps a child workflow's own steps; empty for activities
 */
public record Step(
    String path,
    String kind,
    String type,
    String summary,
    String status,
    int attempts,
    String errorCode,
    String message,
    boolean nonRetryable,
    String workflowId,
    String runId,
    long eventId,
    String scheduledAt,
    String closedAt,
    List<Step> steps) {

  /** Whether the step ended in failure (failed, timed out, terminated). */
  public boolean failed() {
    return "failed".equals(status) || "timed_out".equals(status) || "terminated".equals(status);
  }

  /** This step and all steps below it, depth first. */
  public List<Step> flatten() {
    java.util.ArrayList<Step> all = new java.util.ArrayList<>();
    all.add(this);
    for (Step s : steps) {
      all.addAll(s.flatten());
    }
    return all;
  }
}

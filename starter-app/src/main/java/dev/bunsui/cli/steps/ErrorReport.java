package dev.bunsui.cli.steps;

import dev.bunsui.failure.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The failures of a session for {@code bunsui error analyze}: the failed activities (the root
 * causes; the child workflow failures that only carry them upward are left out), and failed child
 * workflows that have no failed activity of their own (a timeout, a termination).
 */
public final class ErrorReport {
  private ErrorReport() {}

  /**
   * One failure with its recovery suggestions.
   *
   * @param jobId the failed step's path
   * @param workflowId the workflow it ran in
   * @param runId that workflow's run
   * @param kind {@code activity} or {@code workflow}
   * @param activityType the activity or workflow type
   * @param summary the step's summary
   * @param attempts attempts made
   * @param errorCode taxonomy code
   * @param retryable whether Temporal would have retried the code
   * @param message the failure message
   * @param scheduledAt when the step was scheduled
   * @param failedAt when it failed
   * @param outcome {@code failed_run} when it failed the session, {@code skipped} when the session
   *     went on without the item, {@code not_fatal} otherwise (e.g. the session was retried)
   * @param recoverySuggestions what to do, best first
   */
  public record Entry(
      String jobId,
      String workflowId,
      String runId,
      String kind,
      String activityType,
      String summary,
      int attempts,
      String errorCode,
      boolean retryable,
      String message,
      String scheduledAt,
      String failedAt,
      String outcome,
      List<Recovery.Suggestion> recoverySuggestions) {}

  /** The root-cause failures of a session, in the order they were scheduled. */
  public static List<Step> rootFailures(SessionHistory session) {
    List<Step> out = new ArrayList<>();
    collect(session.steps(), out);
    return out;
  }

  private static void collect(List<Step> steps, List<Step> out) {
    for (Step s : steps) {
      if ("workflow".equals(s.kind())) {
        int before = out.size();
        collect(s.steps(), out);
        if (s.failed() && out.size() == before) {
          out.add(s);
        }
      } else if (s.failed()) {
        out.add(s);
      }
    }
  }

  /**
   * Builds the report entries.
   *
   * @param session the session
   * @param canReset whether the server supports reset
   * @return one entry per root-cause failure
   */
  public static List<Entry> entries(SessionHistory session, boolean canReset) {
    List<Entry> out = new ArrayList<>();
    for (Step s : rootFailures(session)) {
      // unknown codes map to INTERNAL, which is not skippable; the book's own steps never skip
      boolean skipped =
          s.path().contains("/") && ErrorCode.SKIPPABLE.contains(ErrorCode.fromType(s.errorCode()));
      boolean fatal = !skipped && isOnFailedPath(session, s);
      out.add(
          new Entry(
              s.path(),
              s.workflowId(),
              s.runId(),
              s.kind(),
              s.type(),
              s.summary(),
              s.attempts(),
              s.errorCode(),
              !s.nonRetryable(),
              s.message(),
              s.scheduledAt(),
              s.closedAt(),
              fatal ? "failed_run" : skipped ? "skipped" : "not_fatal",
              Recovery.suggestions(session.workflowId(), s, canReset)));
    }
    return out;
  }

  /** Whether every workflow above the step failed too, i.e. the failure ended the session. */
  private static boolean isOnFailedPath(SessionHistory session, Step step) {
    if (!"failed".equals(session.status()) && !"timed_out".equals(session.status())) {
      return false;
    }
    List<Step> level = session.steps();
    String[] segments = step.path().split("/");
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < segments.length - 1; i++) {
      path.append(i == 0 ? "" : "/").append(segments[i]);
      String p = path.toString();
      Step parent = level.stream().filter(x -> x.path().equals(p)).findFirst().orElse(null);
      if (parent == null || !parent.failed()) {
        return false;
      }
      level = parent.steps();
    }
    return true;
  }
}

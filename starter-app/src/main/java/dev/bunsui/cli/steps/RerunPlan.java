package dev.bunsui.cli.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a rerun of a session will do, step by step, worked out from its history.
 *
 * <p>{@code reset}: Temporal's ResetWorkflowExecution to the {@code WorkflowTaskCompleted} event
 * just before the first failed top-level step (or the one named): the steps before it are kept from
 * history, the rest run again. {@code cache}: a new run of the same input; every step runs again.
 * In both, a step that runs again and had completed before reuses its stored output through the
 * worker's step cache (no LLM call, no rendering) when its activity type is cached.
 *
 * @param strategy {@code reset} or {@code cache}
 * @param fromStep the top-level step the rerun starts from (reset), null for cache
 * @param resetEventId the {@code WorkflowTaskCompleted} event id to reset to; 0 for cache
 * @param kept top-level steps kept from history (reset)
 * @param runAgain top-level steps that run again
 * @param reusedFromCache completed cached steps below {@code runAgain} whose outputs are reused
 * @param computedAgain the other steps below {@code runAgain}: failed, never run, or not cached
 */
public record RerunPlan(
    String strategy,
    String fromStep,
    long resetEventId,
    List<String> kept,
    List<String> runAgain,
    List<String> reusedFromCache,
    List<String> computedAgain) {

  /** Activity types whose outputs the worker's step cache keeps (LLM calls and rendering). */
  public static final Set<String> CACHED_ACTIVITIES =
      Set.of(
          "AnalyzeSection",
          "GenerateArticle",
          "GenerateVideoScript",
          "GenerateVideoScriptJson",
          "GenerateXPosts",
          "GenerateDescription",
          "ConvertFigure",
          "RenderThumbnail");

  /**
   * Plans a reset.
   *
   * @param session the session's history
   * @param fromJob a step path ({@code chapter-1/section-2/ConvertFigure}, {@code chapter-1},
   *     {@code ParseBook}); only its first segment matters, since a reset acts on the session's own
   *     history; null for the first failed top-level step
   * @return the plan
   * @throws IllegalArgumentException when no step matches {@code fromJob}, or nothing failed and no
   *     step was named
   */
  public static RerunPlan reset(SessionHistory session, String fromJob) {
    Step from = null;
    if (fromJob != null) {
      String top = fromJob.split("/", 2)[0];
      for (Step s : session.steps()) {
        String segment = s.path();
        if (segment.equals(top) || s.type().equals(top)) {
          from = s;
          break;
        }
      }
      if (from == null) {
        throw new IllegalArgumentException(
            "no step '"
                + top
                + "' in session "
                + session.workflowId()
                + "; its steps are "
                + session.steps().stream().map(Step::path).toList());
      }
    } else {
      from = session.steps().stream().filter(Step::failed).findFirst().orElse(null);
      if (from == null) {
        throw new IllegalArgumentException(
            "session "
                + session.workflowId()
                + " has no failed step; name the step to rerun from with --from-job");
      }
    }
    long stepEvent = from.eventId();
    long resetTo =
        session.workflowTaskCompleted().stream()
            .filter(id -> id < stepEvent)
            .reduce((a, b) -> b)
            .orElseThrow(
                () ->
                    new IllegalArgumentException("no workflow task completed before " + stepEvent));
    List<String> kept = new ArrayList<>();
    List<Step> again = new ArrayList<>();
    for (Step s : session.steps()) {
      if (s.eventId() < resetTo) {
        kept.add(s.path());
      } else {
        again.add(s);
      }
    }
    return of("reset", from.path(), resetTo, kept, again);
  }

  /**
   * Plans a cache rerun: a new run of the same input.
   *
   * @param session the session's history
   * @return the plan
   */
  public static RerunPlan cache(SessionHistory session) {
    return of("cache", null, 0, List.of(), session.steps());
  }

  private static RerunPlan of(
      String strategy, String from, long resetTo, List<String> kept, List<Step> again) {
    List<String> reused = new ArrayList<>();
    List<String> computed = new ArrayList<>();
    for (Step top : again) {
      for (Step s : top.flatten()) {
        if (!"activity".equals(s.kind())) {
          continue;
        }
        if ("completed".equals(s.status()) && CACHED_ACTIVITIES.contains(s.type())) {
          reused.add(label(s));
        } else {
          computed.add(label(s));
        }
      }
    }
    return new RerunPlan(
        strategy, from, resetTo, kept, again.stream().map(Step::path).toList(), reused, computed);
  }

  private static String label(Step s) {
    return s.summary() == null ? s.path() : s.path() + " (" + s.summary() + ")";
  }
}

package dev.bunsui.cli.steps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Recovery advice from the error taxonomy ({@code dev.bunsui.failure.ErrorCode}): for each code,
 * what to fix first and which rerun strategy fits. A reset keeps the session's history (cheapest,
 * needs a server with reset and unchanged workflow code, and does not re-read the book); a cache
 * rerun starts a new run of the same input (works on any server and after code changes, re-reads
 * the book). Both reuse completed steps through the step cache.
 */
public final class Recovery {
  private Recovery() {}

  /**
   * One suggestion.
   *
   * @param action short name of the action ({@code rerun_reset}, {@code fix_input} …)
   * @param confidence how likely the action alone recovers the session, 0 to 1
   * @param command the exact command to run; null when the action is outside bunsui (e.g. edit a
   *     file)
   * @param reason why
   */
  public record Suggestion(String action, double confidence, String command, String reason) {}

  /**
   * A recovery plan: ordered steps, ranked by {@code score}.
   *
   * @param planId {@code plan-1} is the best
   * @param description what the plan does
   * @param score 0 to 1, higher first
   * @param steps the actions in order
   * @param risks what could go wrong
   */
  public record Plan(
      String planId,
      String description,
      double score,
      List<Suggestion> steps,
      List<String> risks) {}

  /** What to fix before rerunning, per code; null when nothing needs fixing. */
  static Suggestion fix(String code, Step step) {
    return switch (code == null ? "INTERNAL" : code) {
      case "FAULT_INJECTED" ->
          new Suggestion(
              "remove_fault",
              0.95,
              null,
              "the worker was configured to fail "
                  + step.type()
                  + " (bunsui.faults.fail-activities); remove it and restart the worker");
      case "LLM_AUTH" ->
          new Suggestion(
              "fix_credentials",
              0.9,
              null,
              "the LLM provider refused the API key; set OPENAI_API_KEY / ANTHROPIC_API_KEY for"
                  + " the worker and restart it");
      case "LLM_BAD_REQUEST" ->
          new Suggestion(
              "fix_request",
              0.6,
              null,
              "the provider rejected the request; check the model name and prompt overrides"
                  + " (bunsui.llm.prompts-dir)");
      case "LLM_RATE_LIMIT", "LLM_UNAVAILABLE" ->
          new Suggestion(
              "wait",
              0.7,
              null,
              "the provider was throttling or unreachable after every retry; wait or lower the"
                  + " worker's concurrency");
      case "INPUT_INVALID" ->
          new Suggestion("fix_input", 0.8, null, "the book input is unusable: " + step.message());
      case "FIGURE_RENDER" ->
          new Suggestion(
              "fix_figure",
              0.7,
              null,
              "the figure could not be rendered; fix its source or install the renderer"
                  + " (scripts/install-mermaid.sh): "
                  + step.message());
      case "STORE_IO" ->
          new Suggestion(
              "fix_store", 0.7, null, "the artifact store failed; check its disk or bucket access");
      default -> null;
    };
  }

  /**
   * Suggestions for one failed step, best first.
   *
   * @param sessionId the session's workflow id
   * @param step the failed step
   * @param canReset whether the server supports reset (the in-JVM server does not)
   * @return suggestions, each with the command to run where there is one
   */
  public static List<Suggestion> suggestions(String sessionId, Step step, boolean canReset) {
    List<Suggestion> out = new ArrayList<>();
    Suggestion fix = fix(step.errorCode(), step);
    if (fix != null) {
      out.add(fix);
    }
    boolean inputChanged = "INPUT_INVALID".equals(step.errorCode());
    String path = step.path();
    if (canReset) {
      out.add(
          new Suggestion(
              "rerun_reset",
              inputChanged ? 0.3 : 0.85,
              "bunsui session rerun " + sessionId + " --strategy reset --from-job " + path,
              inputChanged
                  ? "a reset keeps the parsed book from history, so a fixed input is not re-read"
                  : "reset to just before the failed step; completed steps come from history or"
                      + " the step cache"));
    }
    out.add(
        new Suggestion(
            "rerun_cache",
            inputChanged || !canReset ? 0.85 : 0.75,
            "bunsui session rerun " + sessionId + " --strategy cache",
            "a new run of the same input; every completed step's output is reused from the step"
                + " cache, and a changed book or changed code is picked up"));
    out.sort(Comparator.comparingDouble(Suggestion::confidence).reversed());
    return out;
  }

  /**
   * Ranked recovery plans for a session.
   *
   * @param session the session
   * @param canReset whether the server supports reset
   * @return plans, best first; empty when nothing failed
   */
  public static List<Plan> plans(SessionHistory session, boolean canReset) {
    List<Step> failed = ErrorReport.rootFailures(session);
    if (failed.isEmpty()) {
      return List.of();
    }
    Step first = failed.get(0);
    String id = session.workflowId();
    List<Suggestion> fixes = new ArrayList<>();
    for (Step s : failed) {
      Suggestion f = fix(s.errorCode(), s);
      if (f != null && fixes.stream().noneMatch(x -> x.action().equals(f.action()))) {
        fixes.add(f);
      }
    }
    boolean inputChanged = failed.stream().anyMatch(s -> "INPUT_INVALID".equals(s.errorCode()));
    List<Plan> plans = new ArrayList<>();
    if (canReset) {
      List<Suggestion> steps = new ArrayList<>(fixes);
      steps.add(
          new Suggestion(
              "preview",
              1.0,
              "bunsui session rerun " + id + " --strategy reset --dry-run",
              "see which steps run again and which outputs come from the cache"));
      steps.add(
          new Suggestion(
              "rerun_reset",
              0.85,
              "bunsui session rerun " + id + " --strategy reset --from-job " + first.path(),
              "reset to the workflow task before " + first.path()));
      plans.add(
          new Plan(
              "",
              "Fix the cause, then reset the session to just before " + first.path(),
              inputChanged ? 0.3 : 0.85,
              steps,
              List.of(
                  "a reset replays the session with the current worker code; changed workflow"
                      + " code can make it fail with a non-determinism error",
                  "the parsed book is kept from history")));
    }
    List<Suggestion> steps = new ArrayList<>(fixes);
    steps.add(
        new Suggestion(
            "rerun_cache",
            0.8,
            "bunsui session rerun " + id + " --strategy cache",
            "new run of the same input reusing every stored step output"));
    plans.add(
        new Plan(
            "",
            "Fix the cause, then start a new run of the same input that reuses stored outputs",
            inputChanged || !canReset ? 0.85 : 0.75,
            steps,
            List.of("steps whose outputs are not cached (parsing, aggregation) run again")));
    plans.sort(Comparator.comparingDouble(Plan::score).reversed());
    List<Plan> ranked = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      Plan p = plans.get(i);
      ranked.add(new Plan("plan-" + (i + 1), p.description(), p.score(), p.steps(), p.risks()));
    }
    return ranked;
  }
}

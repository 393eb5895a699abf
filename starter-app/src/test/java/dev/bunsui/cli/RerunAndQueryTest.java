package dev.bunsui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bunsui.cli.steps.ErrorReport;
import dev.bunsui.cli.steps.Recovery;
import dev.bunsui.cli.steps.RerunPlan;
import dev.bunsui.cli.steps.SessionHistory;
import dev.bunsui.cli.steps.Step;
import io.temporal.api.common.v1.Payloads;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rerun plans, error reports and session filters worked out from a session's steps. */
class RerunAndQueryTest {
  private static Step activity(String path, String type, String status, long event, String code) {
    return new Step(
        path,
        "activity",
        type,
        null,
        status,
        1,
        code,
        code == null ? null : "boom",
        code != null,
        "wf",
        "run",
        event,
        "t0",
        "t1",
        List.of());
  }

  private static Step child(String path, String status, long event, List<Step> steps) {
    return new Step(
        path,
        "workflow",
        "ChapterWorkflow",
        null,
        status,
        0,
        null,
        null,
        false,
        "wf-" + path,
        "run",
        event,
        "t0",
        "t1",
        steps);
  }

  /** parseBook (event 5), two chapters started after WFT 10, the second failing on a figure. */
  private static SessionHistory failedBook() {
    Step ok =
        child(
            "chapter-1",
            "completed",
            11,
            List.of(
                child(
                    "chapter-1/section-1",
                    "completed",
                    5,
                    List.of(
                        activity(
                            "chapter-1/section-1/AnalyzeSection",
                            "AnalyzeSection",
                            "completed",
                            5,
                            null),
                        activity(
                            "chapter-1/section-1/GenerateArticle",
                            "GenerateArticle",
                            "completed",
                            8,
                            null)))));
    Step bad =
        child(
            "chapter-2",
            "failed",
            12,
            List.of(
                child(
                    "chapter-2/section-1",
                    "failed",
                    5,
                    List.of(
                        activity(
                            "chapter-2/section-1/GenerateArticle",
                            "GenerateArticle",
                            "completed",
                            8,
                            null),
                        activity(
                            "chapter-2/section-1/ConvertFigure",
                            "ConvertFigure",
                            "failed",
                            9,
                            "FAULT_INJECTED"),
                        activity(
                            "chapter-2/section-1/ConvertFigure",
                            "ConvertFigure",
                            "failed",
                            10,
                            "FIGURE_RENDER")))));
    return new SessionHistory(
        "book-x",
        "run-1",
        "BookWorkflow",
        "failed",
        null,
        Payloads.getDefaultInstance(),
        List.of(activity("ParseBook", "ParseBook", "completed", 5, null), ok, bad),
        List.of(4L, 10L, 20L));
  }

  @Test
  void resetGoesToTheWorkflowTaskBeforeTheFirstFailedStepAndListsCacheHits() {
    RerunPlan plan = RerunPlan.reset(failedBook(), null);
    assertThat(plan.fromStep()).isEqualTo("chapter-2");
    assertThat(plan.resetEventId()).isEqualTo(10);
    // both chapters were started by the workflow task after event 10, so both run again
    assertThat(plan.kept()).containsExactly("ParseBook");
    assertThat(plan.runAgain()).containsExactly("chapter-1", "chapter-2");
    assertThat(plan.reusedFromCache())
        .containsExactly(
            "chapter-1/section-1/AnalyzeSection",
            "chapter-1/section-1/GenerateArticle",
            "chapter-2/section-1/GenerateArticle");
    assertThat(plan.computedAgain())
        .containsExactly("chapter-2/section-1/ConvertFigure", "chapter-2/section-1/ConvertFigure");
  }

  @Test
  void fromJobTakesTheTopLevelStepOfAPathAndRejectsUnknownSteps() {
    RerunPlan plan = RerunPlan.reset(failedBook(), "ParseBook");
    assertThat(plan.resetEventId()).isEqualTo(4);
    assertThat(plan.kept()).isEmpty();
    assertThat(RerunPlan.reset(failedBook(), "chapter-2/section-1/ConvertFigure").fromStep())
        .isEqualTo("chapter-2");
    assertThatThrownBy(() -> RerunPlan.reset(failedBook(), "chapter-9"))
        .hasMessageContaining("no step 'chapter-9'")
        .hasMessageContaining("[ParseBook, chapter-1, chapter-2]");
  }

  @Test
  void cachePlanRunsEveryStepAndReusesCompletedOnes() {
    RerunPlan plan = RerunPlan.cache(failedBook());
    assertThat(plan.kept()).isEmpty();
    assertThat(plan.runAgain()).containsExactly("ParseBook", "chapter-1", "chapter-2");
    assertThat(plan.reusedFromCache()).hasSize(3);
    assertThat(plan.computedAgain()).contains("ParseBook");
  }

  @Test
  void errorReportSeparatesTheFatalFailureFromASkippedFigure() {
    var entries = ErrorReport.entries(failedBook(), true);
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).errorCode()).isEqualTo("FAULT_INJECTED");
    assertThat(entries.get(0).outcome()).isEqualTo("failed_run");
    assertThat(entries.get(0).recoverySuggestions().get(0).action()).isEqualTo("remove_fault");
    assertThat(entries.get(1).errorCode()).isEqualTo("FIGURE_RENDER");
    assertThat(entries.get(1).outcome()).isEqualTo("skipped");
  }

  @Test
  void recoveryPrefersResetForExternalCausesAndCacheWithoutReset() {
    List<Recovery.Plan> withReset = Recovery.plans(failedBook(), true);
    assertThat(withReset.get(0).planId()).isEqualTo("plan-1");
    assertThat(withReset.get(0).steps())
        .anyMatch(
            s ->
                "bunsui session rerun book-x --strategy reset --from-job chapter-2/section-1/ConvertFigure"
                    .equals(s.command()));
    List<Recovery.Plan> noReset = Recovery.plans(failedBook(), false);
    assertThat(noReset).hasSize(1);
    assertThat(noReset.get(0).steps().get(noReset.get(0).steps().size() - 1).command())
        .isEqualTo("bunsui session rerun book-x --strategy cache");
  }

  @Test
  void filtersBecomeAVisibilityQuery() {
    assertThat(SessionListCommand.query(List.of(), null)).isEqualTo("BunsuiPipeline = 'book'");
    assertThat(
            SessionListCommand.query(
                List.of("status=failed", "pipeline=book", "failed-step=ConvertFigure"), null))
        .isEqualTo(
            "ExecutionStatus = 'Failed' AND BunsuiPipeline = 'book' AND FailedStep ="
                + " 'ConvertFigure'");
    assertThat(SessionListCommand.query(List.of("title=It's"), null))
        .isEqualTo("BunsuiPipeline = 'book' AND BookTitle = 'It\\'s'");
    assertThatThrownBy(() -> SessionListCommand.query(List.of("colour=red"), null))
        .hasMessageContaining("unknown key 'colour'");
    assertThatThrownBy(() -> SessionListCommand.query(List.of("status=done"), null))
        .hasMessageContaining("unknown status");
    assertThatThrownBy(() -> SessionListCommand.query(List.of("status"), null))
        .hasMessageContaining("expected key=value");
    // pending approvals: any pipeline run with a step waiting, or one step by id
    assertThat(SessionListCommand.query(List.of("approval=pending"), null))
        .isEqualTo("PendingApprovals IS NOT NULL");
    assertThat(
            SessionListCommand.query(
                List.of("pipeline=campaign_automation", "approval=post"), null))
        .isEqualTo("BunsuiPipeline = 'campaign_automation' AND PendingApprovals = 'post'");
  }
}

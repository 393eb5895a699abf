package dev.bunsui.book;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.pipeline.ApprovalDecision;
import dev.bunsui.pipeline.FakeTools;
import dev.bunsui.pipeline.PipelineRequest;
import dev.bunsui.pipeline.PipelineResult;
import dev.bunsui.pipeline.PipelineTestSupport;
import dev.bunsui.pipeline.PipelineWorkflow;
import dev.bunsui.pipeline.PipelineWorkflowImpl;
import dev.bunsui.pipeline.StepStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Replays recorded histories of every workflow type against the current code: a change that is not
 * deterministic for runs already in flight fails here. Re-record with {@code ./mvnw -pl workflows
 * test -Dtest=WorkflowReplayTest -Dbunsui.recordHistories=true} only when a change is meant to be
 * incompatible (and guard it with {@code Workflow.getVersion}).
 */
class WorkflowReplayTest {
  private static final String BOOK = "book-recorded";
  private static final String CAMPAIGN = "pipeline-campaign-recorded";
  private static final String MIX = "pipeline-mix-recorded";

  @Test
  void bookWorkflowReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history("book", BOOK), BookWorkflowImpl.class);
  }

  @Test
  void chapterWorkflowReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        history("chapter", BOOK + "-chapter-1"), ChapterWorkflowImpl.class);
  }

  @Test
  void sectionWorkflowReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        history("section", BOOK + "-chapter-1-section-1"), SectionWorkflowImpl.class);
  }

  @Test
  void skippedSectionWorkflowReplays() throws Exception {
    String id = BOOK + "-chapter-2-section-2";
    // the recorded run holds the non-retryable analysis failure the workflow turned into a skip
    assertThat(json("section-skipped"))
        .contains("EVENT_TYPE_ACTIVITY_TASK_FAILED")
        .contains("INPUT_INVALID");
    WorkflowReplayer.replayWorkflowExecution(
        history("section-skipped", id), SectionWorkflowImpl.class);
  }

  @Test
  void campaignPipelineWorkflowReplays() throws Exception {
    // the recorded run: a creative skipped by its score, an approve Update, two posts
    assertThat(json("pipeline-campaign"))
        .contains("EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED")
        .contains("auto_posting")
        .contains("PendingApprovals");
    WorkflowReplayer.replayWorkflowExecution(
        history("pipeline-campaign", CAMPAIGN), PipelineWorkflowImpl.class);
  }

  @Test
  void pipelineWithFallbackAndSkipsReplays() throws Exception {
    // the recorded run: a failed step with a fallback, a retried step, on_error skip
    assertThat(json("pipeline-mix"))
        .contains("EVENT_TYPE_ACTIVITY_TASK_FAILED")
        .contains("LLM_BAD_OUTPUT")
        .contains("POST_REJECTED");
    WorkflowReplayer.replayWorkflowExecution(
        history("pipeline-mix", MIX), PipelineWorkflowImpl.class);
  }

  @Test
  @EnabledIfSystemProperty(named = "bunsui.recordHistories", matches = "true")
  void recordPipelineHistories() throws IOException {
    FakeTools tools = new FakeTools();
    tools.scores = List.of(0.9, 0.5, 0.8);
    try (TestWorkflowEnvironment env = PipelineTestSupport.start(tools)) {
      WorkflowClient client = env.getWorkflowClient();
      JsonNode input = PipelineTestSupport.campaignInput(null);
      WorkflowClient.start(
          PipelineTestSupport.newRun(client, CAMPAIGN)::run,
          new PipelineRequest(PipelineTestSupport.template("campaign_automation"), input, "t"));
      PipelineWorkflow run = PipelineTestSupport.existing(client, CAMPAIGN);
      PipelineTestSupport.awaitRecord(
          run, PipelineTestSupport.stepIs("auto_posting", StepStatus.WAITING_APPROVAL), "approval");
      run.approve(new ApprovalDecision("auto_posting", "alice", "recorded"));
      client.newUntypedWorkflowStub(CAMPAIGN).getResult(PipelineResult.class);
      write("pipeline-campaign", client.fetchHistory(CAMPAIGN).toJson(true));

      tools.failingSteps = Map.of("score", "LLM_BAD_OUTPUT", "teaser", "POST_REJECTED");
      tools.flakySteps = Map.of("digest", 1);
      tools.overlapping = Set.of("creatives", "plan");
      tools.allStarted = new CountDownLatch(2);
      PipelineTestSupport.newRun(client, MIX)
          .run(
              new PipelineRequest(
                  PipelineTestSupport.definition(PipelineTestSupport.MIX),
                  PipelineTestSupport.json("{\"theme\": \"Launch\", \"book\": \"b\"}"),
                  "test"));
      write("pipeline-mix", client.fetchHistory(MIX).toJson(true));
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "bunsui.recordHistories", matches = "true")
  void recordHistories() throws IOException {
    FakeActivities fake = new FakeActivities(FakeActivities.outline(2, 2, 1));
    fake.flakyArticles = Map.of("ch1/s1", 1);
    fake.badSections = Set.of("ch2/s2");
    try (TestWorkflowEnvironment env = WorkflowTestSupport.start(fake)) {
      WorkflowClient client = env.getWorkflowClient();
      WorkflowTestSupport.book(client, BOOK).run(WorkflowTestSupport.request());
      write("book", client.fetchHistory(BOOK).toJson(true));
      write("chapter", client.fetchHistory(BOOK + "-chapter-1").toJson(true));
      write("section", client.fetchHistory(BOOK + "-chapter-1-section-1").toJson(true));
      write("section-skipped", client.fetchHistory(BOOK + "-chapter-2-section-2").toJson(true));
    }
  }

  private static WorkflowExecutionHistory history(String name, String workflowId)
      throws IOException {
    return WorkflowExecutionHistory.fromJson(json(name), workflowId);
  }

  private static String json(String name) throws IOException {
    try (InputStream in =
        WorkflowReplayTest.class.getResourceAsStream("/histories/" + name + ".json")) {
      assertThat(in)
          .as("recorded history %s.json (record it, see the class comment)", name)
          .isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void write(String name, String json) throws IOException {
    Path folder =
        Path.of(
            System.getProperty("bunsui.projectRoot", ".."),
            "workflows/src/test/resources/histories");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(name + ".json"), json);
  }
}

package dev.bunsui.pipeline;

import static dev.bunsui.pipeline.PipelineTestSupport.awaitRecord;
import static dev.bunsui.pipeline.PipelineTestSupport.campaignInput;
import static dev.bunsui.pipeline.PipelineTestSupport.existing;
import static dev.bunsui.pipeline.PipelineTestSupport.newRun;
import static dev.bunsui.pipeline.PipelineTestSupport.step;
import static dev.bunsui.pipeline.PipelineTestSupport.stepIs;
import static dev.bunsui.pipeline.PipelineTestSupport.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bunsui.book.BookSearchAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code campaign_automation} template run end to end on the test server with fake tools. */
class CampaignPipelineTest {
  private static final String POSTING = "auto_posting";

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final FakeTools tools = new FakeTools();

  @BeforeEach
  void start() {
    tools.scores = List.of(0.9, 0.5, 0.8);
    env = PipelineTestSupport.start(tools);
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private PipelineWorkflow startCampaign(String workflowId, String publishAt) {
    PipelineWorkflow run = newRun(client, workflowId);
    WorkflowClient.start(
        run::run,
        new PipelineRequest(template("campaign_automation"), campaignInput(publishAt), "template"));
    return existing(client, workflowId);
  }

  private ExecutionRecord awaitApprovalWait(PipelineWorkflow run) {
    return awaitRecord(run, stepIs(POSTING, StepStatus.WAITING_APPROVAL), "the approval wait");
  }

  private SearchAttributes attributes(String workflowId) {
    return client.newUntypedWorkflowStub(workflowId).describe().getTypedSearchAttributes();
  }

  @Test
  void approvedCampaignPostsOnlyTheCreativesScoredAboveThreshold() {
    PipelineWorkflow run = startCampaign("campaign-approve", null);

    ExecutionRecord waiting = awaitApprovalWait(run);
    StepRecord pending = step(waiting, POSTING);
    assertThat(pending.approval().status()).isEqualTo("pending");
    assertThat(pending.approval().deadlineMillis() - pending.approval().requestedAtMillis())
        .isEqualTo(Duration.ofHours(24).toMillis());
    // the creative scored 0.5 is skipped before anyone approves, with its score in the reason
    assertThat(pending.items())
        .extracting(ItemRecord::status)
        .containsExactly(StepStatus.PENDING, StepStatus.SKIPPED, StepStatus.PENDING);
    assertThat(pending.items().get(1).reason())
        .contains("$.item.score > $.input.threshold")
        .contains("$.item.score = 0.5")
        .contains("$.input.threshold = 0.7")
        .endsWith("is false");
    assertThat(pending.items().get(1).item().path("creative").path("id").asText()).isEqualTo("c2");
    assertThat(tools.callsOf(POSTING)).isEmpty();
    SearchAttributes waitingAttributes = attributes("campaign-approve");
    assertThat(waitingAttributes.get(BookSearchAttributes.PENDING_APPROVALS))
        .containsExactly(POSTING);
    assertThat(waitingAttributes.get(BookSearchAttributes.PIPELINE))
        .isEqualTo("campaign_automation");
    assertThat(waitingAttributes.get(BookSearchAttributes.STAGE)).isEqualTo(POSTING);

    StepRecord decided = run.approve(new ApprovalDecision(POSTING, "alice", "looks good"));
    assertThat(decided.status()).isIn(StepStatus.RUNNING, StepStatus.SUCCEEDED);
    assertThat(decided.approval().status()).isEqualTo("approved");
    assertThat(decided.approval().approver()).isEqualTo("alice");
    assertThat(decided.approval().comment()).isEqualTo("looks good");

    PipelineResult result =
        client.newUntypedWorkflowStub("campaign-approve").getResult(PipelineResult.class);

    // exactly the two creatives above 0.7 were posted, each once
    assertThat(tools.callsOf(POSTING)).hasSize(2);
    assertThat(tools.callsOf(POSTING))
        .extracting(c -> c.input().path("post").path("id").asText())
        .containsExactlyInAnyOrder("c1", "c3");
    assertThat(result.status()).isEqualTo("completed_with_skips");
    ExecutionRecord record = result.record();
    assertThat(record.status()).isEqualTo("completed");
    assertThat(record.pipelineId()).isEqualTo("campaign_automation");
    assertThat(record.finishedAtMillis()).isGreaterThanOrEqualTo(record.startedAtMillis());
    assertThat(record.steps())
        .extracting(StepRecord::id)
        .containsExactly("creative_generation", "performance_prediction", POSTING);
    for (String id : List.of("creative_generation", "performance_prediction")) {
      StepRecord s = step(record, id);
      assertThat(s.status()).as(id).isEqualTo(StepStatus.SUCCEEDED);
      assertThat(s.inputRef().sha256()).as(id).hasSize(64);
      assertThat(s.outputRef().sha256()).as(id).hasSize(64);
      assertThat(s.attempts()).as(id).isEqualTo(1);
      assertThat(s.durationMillis()).as(id).isNotNull().isGreaterThanOrEqualTo(0);
    }
    StepRecord posting = step(record, POSTING);
    assertThat(posting.status()).isEqualTo(StepStatus.SUCCEEDED);
    assertThat(posting.attempts()).isEqualTo(2);
    assertThat(posting.items())
        .extracting(ItemRecord::status)
        .containsExactly(StepStatus.SUCCEEDED, StepStatus.SKIPPED, StepStatus.SUCCEEDED);
    assertThat(posting.items().get(0).outputRef()).isNotNull();
    assertThat(posting.items().get(0).inputRef()).isNotNull();
    assertThat(posting.items().get(0).output().path("status").asText()).isEqualTo("posted");
    assertThat(posting.items().get(1).outputRef()).isNull();
    // the approval wait counts in the step's duration
    assertThat(posting.durationMillis()).isNotNull();
    // the run context handed the scores to the posting step: creative c3 went to the outbox
    assertThat(tools.callsOf(POSTING))
        .allSatisfy(c -> assertThat(c.input().path("channel").asText()).isEqualTo("outbox"));
    SearchAttributes done = attributes("campaign-approve");
    assertThat(done.get(BookSearchAttributes.STAGE)).isEqualTo("COMPLETED");
    assertThat(done.containsKey(BookSearchAttributes.PENDING_APPROVALS)).isFalse();
  }

  @Test
  void theRunsThresholdDecidesWhatIsPosted() {
    PipelineWorkflow run = newRun(client, "campaign-threshold");
    WorkflowClient.start(
        run::run,
        new PipelineRequest(
            template("campaign_automation"), campaignInput(null, 0.85), "template"));
    PipelineWorkflow existing = existing(client, "campaign-threshold");
    ExecutionRecord waiting = awaitApprovalWait(existing);
    // scores 0.9, 0.5, 0.8: only the first is above 0.85
    assertThat(step(waiting, POSTING).items())
        .extracting(ItemRecord::status)
        .containsExactly(StepStatus.PENDING, StepStatus.SKIPPED, StepStatus.SKIPPED);
    assertThat(step(waiting, POSTING).items().get(2).reason())
        .contains("$.item.score = 0.8")
        .contains("$.input.threshold = 0.85")
        .endsWith("is false");

    existing.approve(new ApprovalDecision(POSTING, "alice", null));
    client.newUntypedWorkflowStub("campaign-threshold").getResult(PipelineResult.class);

    assertThat(tools.callsOf(POSTING))
        .extracting(c -> c.input().path("post").path("id").asText())
        .containsExactly("c1");
  }

  @Test
  void rejectedPostingIsSkippedWithTheApproverAndComment() {
    PipelineWorkflow run = startCampaign("campaign-reject", null);
    awaitApprovalWait(run);

    StepRecord decided = run.reject(new ApprovalDecision(POSTING, "bob", "off-brand tone"));

    assertThat(decided.status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(decided.reason()).isEqualTo("rejected by bob: off-brand tone");
    assertThat(decided.approval().status()).isEqualTo("rejected");
    PipelineResult result =
        client.newUntypedWorkflowStub("campaign-reject").getResult(PipelineResult.class);
    assertThat(tools.callsOf(POSTING)).isEmpty();
    assertThat(result.status()).isEqualTo("completed_with_skips");
    assertThat(step(result.record(), POSTING).items())
        .allMatch(i -> i.status() == StepStatus.SKIPPED);
  }

  @Test
  void anApprovalNobodyGivesExpiresAtItsDeadline() {
    long before = env.currentTimeMillis();

    // a blocking run: the test server skips time while the client waits for the result
    PipelineResult result =
        newRun(client, "campaign-expire")
            .run(
                new PipelineRequest(
                    template("campaign_automation"), campaignInput(null), "template"));

    StepRecord posting = step(result.record(), POSTING);
    assertThat(posting.status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(posting.approval().status()).isEqualTo("expired");
    assertThat(posting.approval().approver()).isNull();
    assertThat(posting.approval().decidedAtMillis())
        .isGreaterThanOrEqualTo(posting.approval().deadlineMillis());
    assertThat(posting.reason()).startsWith("approval expired").contains("approval_timeout 24h");
    assertThat(tools.callsOf(POSTING)).isEmpty();
    assertThat(env.currentTimeMillis() - before)
        .isGreaterThanOrEqualTo(Duration.ofHours(24).toMillis());
  }

  @Test
  void postsWaitDurablyUntilTheirPublishTime() {
    long publishAt = env.currentTimeMillis() + Duration.ofHours(3).toMillis();
    PipelineWorkflow run =
        startCampaign("campaign-scheduled", Instant.ofEpochMilli(publishAt).toString());
    awaitApprovalWait(run);
    run.approve(new ApprovalDecision(POSTING, "alice", null));

    ExecutionRecord scheduled =
        awaitRecord(run, stepIs(POSTING, StepStatus.SCHEDULED), "the posts to be scheduled");
    StepRecord waiting = step(scheduled, POSTING);
    assertThat(waiting.items().get(0).status()).isEqualTo(StepStatus.SCHEDULED);
    assertThat(waiting.items().get(0).waitUntilMillis()).isEqualTo(publishAt);
    assertThat(tools.callsOf(POSTING)).isEmpty();

    PipelineResult result =
        client.newUntypedWorkflowStub("campaign-scheduled").getResult(PipelineResult.class);

    assertThat(tools.callsOf(POSTING)).hasSize(2);
    assertThat(tools.callsOf(POSTING))
        .allSatisfy(c -> assertThat(c.serverMillis()).isGreaterThanOrEqualTo(publishAt));
    StepRecord posting = step(result.record(), POSTING);
    assertThat(posting.items().get(0).startedAtMillis()).isGreaterThanOrEqualTo(publishAt);
    assertThat(posting.items().get(2).startedAtMillis()).isGreaterThanOrEqualTo(publishAt);
  }

  @Test
  void approvalsOfUnknownStepsOrStepsNotWaitingAreRejectedBeforeTheHistory() {
    PipelineWorkflow run = startCampaign("campaign-validation", null);
    awaitApprovalWait(run);

    assertThatThrownBy(() -> run.approve(new ApprovalDecision("no_such_step", "alice", null)))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("unknown step 'no_such_step'")
        .hasMessageContaining("creative_generation, performance_prediction, auto_posting");
    assertThatThrownBy(
            () -> run.approve(new ApprovalDecision("creative_generation", "alice", null)))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("step creative_generation is not waiting for approval")
        .hasMessageContaining("SUCCEEDED");
    assertThatThrownBy(() -> run.reject(new ApprovalDecision(POSTING, " ", "no")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("needs an approver");
    // none of the rejected decisions changed the step
    assertThat(step(run.record(), POSTING).status()).isEqualTo(StepStatus.WAITING_APPROVAL);
    assertThat(step(run.record(), POSTING).approval().status()).isEqualTo("pending");
    // a rejected Update leaves no trace in the history
    assertThat(client.fetchHistory("campaign-validation").toJson(false))
        .doesNotContain("EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED");

    run.approve(new ApprovalDecision(POSTING, "alice", null));
    assertThatThrownBy(() -> run.approve(new ApprovalDecision(POSTING, "carol", null)))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("is not waiting for approval");
  }

  @Test
  void aCancelledRunMarksItsUnfinishedStepsCancelled() {
    startCampaign("campaign-cancel", null);
    PipelineWorkflow run = existing(client, "campaign-cancel");
    awaitApprovalWait(run);

    WorkflowStub stub = client.newUntypedWorkflowStub("campaign-cancel");
    stub.cancel();

    assertThatThrownBy(() -> stub.getResult(PipelineResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOf(CanceledFailure.class);
    ExecutionRecord record = run.record();
    assertThat(record.status()).isEqualTo("cancelled");
    assertThat(step(record, "creative_generation").status()).isEqualTo(StepStatus.SUCCEEDED);
    assertThat(step(record, POSTING).status()).isEqualTo(StepStatus.CANCELLED);
    assertThat(step(record, POSTING).items())
        .extracting(ItemRecord::status)
        .containsExactly(StepStatus.CANCELLED, StepStatus.SKIPPED, StepStatus.CANCELLED);
    assertThat(attributes("campaign-cancel").get(BookSearchAttributes.STAGE))
        .isEqualTo("CANCELLED");
  }
}

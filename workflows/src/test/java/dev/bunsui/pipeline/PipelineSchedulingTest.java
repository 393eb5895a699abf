package dev.bunsui.pipeline;

import static dev.bunsui.pipeline.PipelineTestSupport.definition;
import static dev.bunsui.pipeline.PipelineTestSupport.existing;
import static dev.bunsui.pipeline.PipelineTestSupport.json;
import static dev.bunsui.pipeline.PipelineTestSupport.newRun;
import static dev.bunsui.pipeline.PipelineTestSupport.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bunsui.book.BookSearchAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scheduling, fallbacks and error handling of definitions written in the tests. */
class PipelineSchedulingTest {
  /**
   * Four tools; {@code creatives} and {@code plan} run in parallel; {@code score} fails and its
   * fallback stands in; {@code teaser} fails with on_error skip and takes {@code follow_up} with
   * it; {@code digest} is retried; {@code announce_backup} is never needed.
   */
  static final String MIX =
      """
      id: launch_mix
      name: Launch mix
      steps:
        - id: creatives
          tool: ai_creative_studio
          input_mapping: {brief: $.input.theme, variants: 2}
        - id: plan
          tool: book_posts
          input_mapping: {book: $.input.book, limit: 1}
        - id: score
          tool: realtime_ad_optimizer
          input_mapping: {creatives: $.steps.creatives.output.creatives}
          on_error: fallback:score_simple
        - id: score_simple
          tool: realtime_ad_optimizer
          input_mapping:
            creatives: $.steps.creatives.output.creatives
            weights: {length: 1}
            failed_because: $.steps.score.reason
        - id: announce
          tool: auto_posting
          for_each: $.steps.score.output.scores
          input_mapping: {post: $.item.creative, channel: outbox, rank: $.index}
          on_error: fallback:announce_backup
        - id: announce_backup
          tool: auto_posting
          input_mapping: {post: {text: backup}, channel: outbox}
        - id: teaser
          tool: auto_posting
          input_mapping: {post: "$.steps.plan.output.posts[0]", channel: slack}
          on_error: skip
        - id: follow_up
          tool: auto_posting
          depends_on: [teaser]
          input_mapping: {post: {text: follow up}, channel: outbox}
        - id: digest
          tool: auto_posting
          depends_on: [plan]
          input_mapping: {post: {text: digest}, channel: outbox}
          retry: {attempts: 4, backoff: 1s}
      """;

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final FakeTools tools = new FakeTools();

  @BeforeEach
  void start() {
    env = PipelineTestSupport.start(tools);
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private PipelineResult run(String workflowId, String yaml, String input) {
    return newRun(client, workflowId)
        .run(new PipelineRequest(definition(yaml), json(input), "test"));
  }

  @Test
  void aFallbackStandsInForAFailedStepAndTheRestOfTheRunGoesOn() {
    tools.failingSteps = Map.of("score", "LLM_BAD_OUTPUT", "teaser", "POST_REJECTED");
    tools.flakySteps = Map.of("digest", 2);
    tools.overlapping = Set.of("creatives", "plan");
    tools.allStarted = new CountDownLatch(2);

    PipelineResult result = run("mix", MIX, "{\"theme\": \"Launch\", \"book\": \"book-1\"}");

    ExecutionRecord record = result.record();
    assertThat(result.status()).isEqualTo("completed_with_skips");
    assertThat(record.status()).isEqualTo("completed");
    assertThat(record.steps())
        .extracting(StepRecord::id)
        .containsExactly(
            "creatives",
            "plan",
            "score",
            "score_simple",
            "announce",
            "announce_backup",
            "teaser",
            "follow_up",
            "digest");
    assertThat(record.steps())
        .extracting(StepRecord::status)
        .containsExactly(
            StepStatus.SUCCEEDED,
            StepStatus.SUCCEEDED,
            StepStatus.FAILED,
            StepStatus.SUCCEEDED,
            StepStatus.SUCCEEDED,
            StepStatus.NOT_NEEDED,
            StepStatus.SKIPPED,
            StepStatus.SKIPPED,
            StepStatus.SUCCEEDED);

    // the two independent steps overlapped: each started before the other finished
    FakeTools.Call creatives = tools.callsOf("creatives").get(0);
    FakeTools.Call plan = tools.callsOf("plan").get(0);
    assertThat(creatives.startNanos()).isLessThan(plan.endNanos());
    assertThat(plan.startNanos()).isLessThan(creatives.endNanos());

    StepRecord score = step(record, "score");
    assertThat(score.errorCode()).isEqualTo("LLM_BAD_OUTPUT");
    assertThat(score.reason()).contains("refused the call of step score");
    assertThat(score.fallback()).isEqualTo("score_simple");
    assertThat(score.attempts()).isEqualTo(1);
    assertThat(tools.callsOf("score")).hasSize(1); // not retryable: one attempt
    StepRecord fallback = step(record, "score_simple");
    assertThat(fallback.fallback()).isEqualTo("score");
    // the fallback read the failure of the step it stands in for
    assertThat(tools.callsOf("score_simple").get(0).input().path("failed_because").asText())
        .contains("refused the call of step score");

    // the dependents of the failed step used the fallback's output
    StepRecord announce = step(record, "announce");
    assertThat(announce.items()).hasSize(2).allMatch(i -> i.status() == StepStatus.SUCCEEDED);
    assertThat(tools.callsOf("announce"))
        .extracting(c -> c.input().path("post").path("id").asText() + "@" + c.input().get("rank"))
        .containsExactlyInAnyOrder("c1@0", "c2@1");
    assertThat(step(record, "announce_backup").reason())
        .isEqualTo("not needed: announce did not fail");
    assertThat(tools.callsOf("announce_backup")).isEmpty();

    StepRecord teaser = step(record, "teaser");
    assertThat(teaser.errorCode()).isEqualTo("POST_REJECTED");
    assertThat(teaser.reason()).contains("on_error: skip").contains("refused the call");
    assertThat(step(record, "follow_up").reason()).isEqualTo("dependency teaser was skipped");
    assertThat(tools.callsOf("follow_up")).isEmpty();

    // two retryable failures, then success: Temporal retried, the record counts 3 attempts
    assertThat(step(record, "digest").attempts()).isEqualTo(3);
    assertThat(tools.callsOf("digest"))
        .extracting(FakeTools.Call::attempt)
        .containsExactly(1, 2, 3);
    for (StepRecord s : record.steps()) {
      assertThat(s.finishedAtMillis()).as(s.id()).isNotNull();
    }
  }

  @Test
  void aFailureWithOnErrorFailFailsTheRunNamingTheStep() {
    tools.failingSteps = Map.of("score", "LLM_AUTH");
    String yaml =
        """
        id: strict
        steps:
          - id: creatives
            tool: ai_creative_studio
            input_mapping: {brief: $.input.theme}
          - id: plan
            tool: book_posts
            input_mapping: {book: $.input.book}
          - id: archive
            tool: auto_posting
            depends_on: [plan]
            approval: required
            input_mapping: {post: {text: archive}, channel: outbox}
          - id: score
            tool: realtime_ad_optimizer
            input_mapping: {creatives: $.steps.creatives.output.creatives}
          - id: publish
            tool: auto_posting
            input_mapping: {post: $.steps.score.output.best, channel: outbox}
        """;

    assertThatThrownBy(() -> run("strict", yaml, "{\"theme\": \"T\", \"book\": \"b\"}"))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo("LLM_AUTH");
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getOriginalMessage())
                  .startsWith("pipeline strict failed at step score (LLM_AUTH): ")
                  .contains("refused the call of step score");
            });

    ExecutionRecord record = existing(client, "strict").record();
    assertThat(record.status()).isEqualTo("failed");
    assertThat(step(record, "score").status()).isEqualTo(StepStatus.FAILED);
    assertThat(step(record, "publish").status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(step(record, "publish").reason()).isEqualTo("run failed at step score");
    // a step waiting for approval gives up when the run fails
    assertThat(step(record, "archive").status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(step(record, "archive").reason()).isEqualTo("run failed at step score");
    assertThat(step(record, "plan").status()).isEqualTo(StepStatus.SUCCEEDED);
    assertThat(tools.callsOf("publish")).isEmpty();
    SearchAttributes attrs =
        client.newUntypedWorkflowStub("strict").describe().getTypedSearchAttributes();
    assertThat(attrs.get(BookSearchAttributes.FAILED_STEP)).isEqualTo("score");
    assertThat(attrs.get(BookSearchAttributes.STAGE)).isEqualTo("FAILED");
  }

  @Test
  void skipsPropagateToDependentsAndBadWaitTimesFailTheirItem() {
    String yaml =
        """
        id: skips
        steps:
          - id: creatives
            tool: ai_creative_studio
            input_mapping: {brief: $.input.theme, variants: 2}
          - id: gate
            tool: realtime_ad_optimizer
            condition: $.input.go == true && $.input.budget >= 100
            input_mapping: {creatives: $.steps.creatives.output.creatives}
          - id: after_gate
            tool: auto_posting
            depends_on: [gate]
            input_mapping: {post: {text: after}, channel: outbox}
          - id: after_after
            tool: auto_posting
            input_mapping: {post: $.steps.after_gate.output, channel: outbox}
          - id: bad_time
            tool: auto_posting
            for_each: $.steps.creatives.output.creatives
            wait_until: $.input.when
            on_error: skip
            input_mapping: {post: $.item, channel: outbox}
          - id: nothing
            tool: auto_posting
            for_each: $.input.empty
            input_mapping: {post: $.item, channel: outbox}
        """;

    PipelineResult result =
        run(
            "skips",
            yaml,
            "{\"theme\": \"T\", \"go\": true, \"budget\": 40, \"when\": \"next tuesday\","
                + " \"empty\": []}");

    ExecutionRecord record = result.record();
    assertThat(step(record, "gate").status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(step(record, "gate").reason())
        .isEqualTo(
            "$.input.go == true && $.input.budget >= 100 with $.input.go = true,"
                + " $.input.budget = 40 is false");
    assertThat(step(record, "after_gate").reason()).isEqualTo("dependency gate was skipped");
    assertThat(step(record, "after_after").reason()).isEqualTo("dependency after_gate was skipped");
    StepRecord badTime = step(record, "bad_time");
    assertThat(badTime.status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(badTime.errorCode()).isEqualTo("INPUT_INVALID");
    assertThat(badTime.reason()).contains("'next tuesday' is not an ISO-8601 instant");
    assertThat(badTime.items()).extracting(ItemRecord::status).contains(StepStatus.FAILED);
    assertThat(step(record, "nothing").reason()).isEqualTo("for_each $.input.empty is empty");
    assertThat(tools.calls).extracting(FakeTools.Call::step).containsExactly("creatives");
    assertThat(result.status()).isEqualTo("completed_with_skips");
    assertThat(List.of(StepStatus.SUCCEEDED)).contains(step(record, "creatives").status());
  }
}

package dev.bunsui.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bunsui.book.BookSearchAttributes;
import dev.bunsui.book.BookTaskQueues;
import dev.bunsui.pipeline.definition.PipelineInputs;
import dev.bunsui.pipeline.definition.Templates;
import dev.bunsui.tool.TaskQueues;
import dev.bunsui.tool.ToolQueue;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Starts the SDK's in-memory test server (time skipping) with {@link PipelineWorkflowImpl} on the
 * book task queue and {@link FakeTools} on every tool task queue, and builds requests.
 */
public final class PipelineTestSupport {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private PipelineTestSupport() {}

  /**
   * Four tools; {@code creatives} and {@code plan} run in parallel; {@code score} fails and its
   * fallback stands in; {@code teaser} fails with on_error skip and takes {@code follow_up} with
   * it; {@code digest} is retried; {@code announce_backup} is never needed.
   */
  public static final String MIX =
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

  /** The environment, started; the fake's clock reads the test server's time. */
  public static TestWorkflowEnvironment start(FakeTools tools) {
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    for (var key : BookSearchAttributes.ALL) {
      env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
    for (var key : BookSearchAttributes.KEYWORD_LISTS) {
      env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST);
    }
    Worker workflows = env.newWorker(BookTaskQueues.BOOK);
    workflows.registerWorkflowImplementationTypes(PipelineWorkflowImpl.class);
    Set<String> queues = new LinkedHashSet<>();
    for (ToolQueue q : ToolQueue.values()) {
      queues.add(TaskQueues.of(q));
    }
    for (String queue : queues) {
      Worker w = queue.equals(BookTaskQueues.BOOK) ? workflows : env.newWorker(queue);
      w.registerActivitiesImplementations(tools);
    }
    tools.serverClock = env::currentTimeMillis;
    env.start();
    return env;
  }

  /** A typed stub that starts a new run with this workflow id. */
  public static PipelineWorkflow newRun(WorkflowClient client, String workflowId) {
    return client.newWorkflowStub(
        PipelineWorkflow.class,
        WorkflowOptions.newBuilder()
            .setTaskQueue(BookTaskQueues.BOOK)
            .setWorkflowId(workflowId)
            .setStaticSummary("pipeline test " + workflowId)
            .build());
  }

  /** A typed stub of a running (or closed) run. */
  public static PipelineWorkflow existing(WorkflowClient client, String workflowId) {
    return client.newWorkflowStub(PipelineWorkflow.class, workflowId);
  }

  /** The built-in template. */
  public static PipelineDefinition template(String name) {
    return Templates.find(name).orElseThrow(() -> new AssertionError("no template " + name));
  }

  /** A definition written in YAML in the test. */
  public static PipelineDefinition definition(String yaml) {
    try {
      return YAML.readValue(yaml, PipelineDefinition.class);
    } catch (Exception e) {
      throw new AssertionError("test definition does not parse: " + e.getMessage(), e);
    }
  }

  /** JSON written in the test. */
  public static JsonNode json(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError("test JSON does not parse: " + e.getMessage(), e);
    }
  }

  /**
   * The campaign input: theme {@code Spring sale}, three variants, the outbox channel, validated
   * against the template's input schema as a run would be (so its defaults, such as {@code
   * threshold} 0.7, are filled in).
   */
  public static JsonNode campaignInput(String publishAt) {
    return campaignInput(publishAt, null);
  }

  /** The campaign input with a threshold; null leaves the template's default. */
  public static JsonNode campaignInput(String publishAt, Double threshold) {
    return PipelineInputs.validate(
        template("campaign_automation"),
        json(
            "{\"campaign\": {\"theme\": \"Spring sale\", \"type\": \"product_launch\"},"
                + " \"variants\": 3, \"channels\": [\"outbox\"]"
                + (publishAt == null ? "" : ", \"publish_at\": \"" + publishAt + "\"")
                + (threshold == null ? "" : ", \"threshold\": " + threshold)
                + "}"),
        "campaign input");
  }

  /** The step's record from a record. */
  public static StepRecord step(ExecutionRecord record, String id) {
    return record.steps().stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step " + id + " in " + record));
  }

  /**
   * Queries the record until it satisfies {@code condition} (real time; the test server does not
   * skip time while nobody waits for the result).
   */
  public static ExecutionRecord awaitRecord(
      PipelineWorkflow run, Predicate<ExecutionRecord> condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    ExecutionRecord last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = run.record();
      } catch (RuntimeException e) {
        last = null; // the first workflow task has not run yet
      }
      if (last != null && condition.test(last)) {
        return last;
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("timed out waiting for " + what + "; last record: " + last);
  }

  /** A record condition: the step has this status. */
  public static Predicate<ExecutionRecord> stepIs(String id, StepStatus status) {
    return r -> r.steps().stream().anyMatch(s -> s.id().equals(id) && s.status() == status);
  }
}

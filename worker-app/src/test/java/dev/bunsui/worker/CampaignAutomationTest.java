package dev.bunsui.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.book.BookSearchAttributes;
import dev.bunsui.book.BookTaskQueues;
import dev.bunsui.pipeline.ApprovalDecision;
import dev.bunsui.pipeline.ExecutionRecord;
import dev.bunsui.pipeline.ItemRecord;
import dev.bunsui.pipeline.PipelineDefinition;
import dev.bunsui.pipeline.PipelineRequest;
import dev.bunsui.pipeline.PipelineResult;
import dev.bunsui.pipeline.PipelineWorkflow;
import dev.bunsui.pipeline.PipelineWorkflowImpl;
import dev.bunsui.pipeline.StepRecord;
import dev.bunsui.pipeline.StepStatus;
import dev.bunsui.pipeline.definition.PipelineInputs;
import dev.bunsui.pipeline.definition.Templates;
import dev.bunsui.posting.ChannelSettings;
import dev.bunsui.posting.PostLedger;
import dev.bunsui.posting.PostRecord;
import dev.bunsui.store.ArtifactStore;
import dev.bunsui.support.Json;
import dev.bunsui.tool.TaskQueues;
import dev.bunsui.tool.ToolQueue;
import dev.bunsui.toolrun.ToolRunner;
import dev.bunsui.worker.heartbeat.HeartbeatInterceptor;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code campaign_automation} template end to end with the real tools: {@link
 * PipelineWorkflowImpl} on the SDK's test server (time skipping), the tool activities built as
 * {@link ToolsConfiguration} builds them, the {@code openai} provider pointing at {@link
 * FakeCreativeLlm}, the {@code x} channel at {@link FakeXApi}, the outbox in a temporary folder,
 * and the run input read from {@code samples/campaign/campaign.yaml}.
 */
class CampaignAutomationTest {
  private static final String WORKFLOW_ID = "campaign-e2e";
  private static final String TOKEN = "x-test-token";
  private static final double THRESHOLD = 0.7;

  @TempDir Path dir;

  private FakeCreativeLlm llm;
  private FakeXApi x;
  private TestWorkflowEnvironment env;
  private ArtifactStore store;
  private Path outbox;

  @BeforeEach
  void start() throws Exception {
    llm = new FakeCreativeLlm();
    x = new FakeXApi(TOKEN);
    Path out = dir.resolve("out");
    outbox = dir.resolve("posts/outbox.jsonl");
    BunsuiProperties props =
        new BunsuiProperties(
            new BunsuiProperties.Store(out),
            new BunsuiProperties.Parse(20L * 1024 * 1024, false),
            new BunsuiProperties.Llm(
                "openai",
                Map.of(
                    "openai",
                    new BunsuiProperties.Provider(
                        llm.baseUrl(), "sk-test", "gpt-test", Duration.ofSeconds(20), 0.2)),
                null),
            new BunsuiProperties.Figures(null, null, Duration.ofSeconds(90), 40_000_000),
            new BunsuiProperties.Thumbnail(null),
            new BunsuiProperties.Faults(List.of()),
            new BunsuiProperties.Channels(
                outbox,
                Duration.ofSeconds(10),
                new BunsuiProperties.Webhook(null, false),
                new BunsuiProperties.Slack(null),
                new BunsuiProperties.X(x.baseUrl(), TOKEN, null),
                new BunsuiProperties.Github(null, null, null, null, null)));
    store = new WorkerConfiguration().artifactStore(props);
    ToolsConfiguration tools = new ToolsConfiguration();
    ToolRunner runner = tools.toolRunner(store);
    ChannelSettings channels = tools.channelSettings(props);

    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(new HeartbeatInterceptor(Duration.ofSeconds(5)))
                        .build())
                .build());
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
      w.registerActivitiesImplementations(
          tools.creativeStudioActivities(runner, store, props),
          tools.adOptimizerActivities(runner, props, channels),
          tools.postingActivities(runner, store, channels, dev.bunsui.metrics.Metrics.NOOP));
    }
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
    x.close();
    llm.close();
  }

  @Test
  void approvedCampaignPostsExactlyTheCreativesScoredAboveThreshold() throws Exception {
    PipelineDefinition definition = Templates.find("campaign_automation").orElseThrow();
    JsonNode input =
        PipelineInputs.validate(
            definition, projectRoot().resolve("samples/campaign/campaign.yaml"));
    assertThat(input.path("channels").toString()).isEqualTo("[\"x\",\"outbox\"]");
    assertThat(input.path("threshold").asDouble())
        .as("the sample input's threshold")
        .isEqualTo(THRESHOLD);

    WorkflowClient client = env.getWorkflowClient();
    PipelineWorkflow start =
        client.newWorkflowStub(
            PipelineWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(BookTaskQueues.BOOK)
                .setWorkflowId(WORKFLOW_ID)
                .setTypedSearchAttributes(
                    SearchAttributes.newBuilder()
                        .set(BookSearchAttributes.PIPELINE, definition.id())
                        .build())
                .build());
    WorkflowClient.start(
        start::run, new PipelineRequest(definition, input, "template campaign_automation"));
    PipelineWorkflow run = client.newWorkflowStub(PipelineWorkflow.class, WORKFLOW_ID);

    // 1. the run stops before posting, waiting for a person
    ExecutionRecord waiting =
        awaitRecord(
            run,
            r -> step(r, "auto_posting").status() == StepStatus.WAITING_APPROVAL,
            "auto_posting waiting for approval");
    assertThat(x.posts()).isEmpty();
    assertThat(outbox).doesNotExist();
    assertThat(llm.requests()).hasSize(1);

    // the creatives really came from the model's answer, fitted to the channels in turn
    JsonNode generated = stored(step(waiting, "creative_generation").outputRef());
    JsonNode creatives = generated.path("creatives");
    assertThat(creatives).hasSize(3);
    assertThat(creatives.findValuesAsText("channel")).containsExactly("x", "outbox", "x");
    assertThat(creatives.get(0).path("headline").asText()).startsWith("bunsui: ");
    assertThat(creatives.get(2).path("headline").asText()).isEqualTo(FakeCreativeLlm.POOR_HEADLINE);
    assertThat(generated.path("provenance").path("provider").asText()).isEqualTo("openai");
    assertThat(generated.path("provenance").path("model").asText()).isEqualTo("gpt-test");
    assertThat(generated.path("provenance").path("input_tokens").asInt()).isEqualTo(321);

    // the optimizer's scores, read from its stored output and from the posting step's items
    JsonNode scores = stored(step(waiting, "performance_prediction").outputRef()).path("scores");
    assertThat(scores).hasSize(3);
    List<ItemRecord> items = step(waiting, "auto_posting").items();
    assertThat(items).hasSize(3);
    List<Integer> above = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      double score = scores.get(i).path("score").asDouble();
      assertThat(items.get(i).item().path("score").asDouble()).isEqualTo(score);
      assertThat(items.get(i).item().path("creative").path("id").asText())
          .isEqualTo(creatives.get(i).path("id").asText());
      if (score > THRESHOLD) {
        above.add(i);
        assertThat(items.get(i).status())
            .as("item %d (score %s)", i, score)
            .isEqualTo(StepStatus.PENDING);
      } else {
        assertThat(items.get(i).status())
            .as("item %d (score %s)", i, score)
            .isEqualTo(StepStatus.SKIPPED);
        assertThat(items.get(i).reason())
            .contains("$.item.score > $.input.threshold")
            .contains("$.input.threshold = 0.7")
            .contains("$.item.score = " + scores.get(i).path("score"))
            .endsWith("is false");
      }
    }
    // the fake's poor creative (long, jargon, negative, no hashtags) is the only one at or below
    assertThat(above).containsExactly(0, 1);
    JsonNode poor = scores.get(2).path("breakdown");
    assertThat(poor.path("hashtags").asDouble()).as("%s", scores.get(2)).isEqualTo(0.5);
    assertThat(poor.path("sentiment").asDouble()).as("%s", scores.get(2)).isEqualTo(0.0);
    assertThat(poor.path("readability").asDouble())
        .as("%s", scores)
        .isLessThan(scores.get(0).path("breakdown").path("readability").asDouble());

    // 2. a person approves; the run posts and ends
    StepRecord decided = run.approve(new ApprovalDecision("auto_posting", "alice", "ship it"));
    assertThat(decided.approval().status()).isEqualTo("approved");
    PipelineResult result =
        client.newUntypedWorkflowStub(WORKFLOW_ID).getResult(PipelineResult.class);

    assertThat(result.status()).isEqualTo("completed_with_skips");
    ExecutionRecord record = result.record();
    assertThat(record.status()).isEqualTo("completed");
    assertThat(record.pipelineId()).isEqualTo("campaign_automation");
    assertThat(record.finishedAtMillis()).isGreaterThanOrEqualTo(record.startedAtMillis());

    // X received creative 0 once, the outbox holds creative 1, nothing else was posted
    assertThat(x.posts())
        .extracting(FakeXApi.Post::text)
        .containsExactly(creatives.get(0).path("text").asText());
    assertThat(x.requests()).containsExactly("POST /2/tweets");
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(outbox)) {
      lines.add(Json.MAPPER.readTree(line));
    }
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).path("text").asText())
        .isEqualTo(creatives.get(1).path("text").asText());
    assertThat(lines.get(0).path("workflow_id").asText()).isEqualTo(WORKFLOW_ID);
    assertThat(lines.get(0).path("item").asInt()).isEqualTo(1);

    // every step's record: references, attempts, times
    for (String id : List.of("creative_generation", "performance_prediction")) {
      StepRecord s = step(record, id);
      assertThat(s.status()).as(id).isEqualTo(StepStatus.SUCCEEDED);
      assertThat(store.exists(s.inputRef())).as(id).isTrue();
      assertThat(store.exists(s.outputRef())).as(id).isTrue();
      assertThat(s.attempts()).as(id).isEqualTo(1);
      assertThat(s.startedAtMillis()).as(id).isNotNull();
      assertThat(s.durationMillis()).as(id).isEqualTo(s.finishedAtMillis() - s.startedAtMillis());
    }
    StepRecord posting = step(record, "auto_posting");
    assertThat(posting.status()).isEqualTo(StepStatus.SUCCEEDED);
    assertThat(posting.approval().approver()).isEqualTo("alice");
    assertThat(posting.attempts()).isEqualTo(2);
    assertThat(posting.durationMillis()).isNotNull().isNotNegative();
    assertThat(posting.items())
        .extracting(ItemRecord::status)
        .containsExactly(StepStatus.SUCCEEDED, StepStatus.SUCCEEDED, StepStatus.SKIPPED);
    PostLedger ledger = new PostLedger(store);
    for (int i : above) {
      ItemRecord item = posting.items().get(i);
      String channel = creatives.get(i).path("channel").asText();
      assertThat(item.output().path("status").asText()).isEqualTo("posted");
      assertThat(item.output().path("channel").asText()).isEqualTo(channel);
      assertThat(item.attempts()).isEqualTo(1);
      assertThat(store.exists(item.inputRef())).isTrue();
      assertThat(stored(item.outputRef())).isEqualTo(item.output());
      assertThat(item.finishedAtMillis()).isGreaterThanOrEqualTo(item.startedAtMillis());
      PostRecord ledgerRecord =
          ledger.read(item.output().path("idempotency_key").asText()).orElseThrow();
      assertThat(ledgerRecord.state()).isEqualTo(PostRecord.CONFIRMED);
      assertThat(ledgerRecord.postId()).isEqualTo(item.output().path("post_id").asText());
    }
    assertThat(posting.items().get(0).output().path("post_id").asText())
        .isEqualTo(x.posts().get(0).id());
    ItemRecord skipped = posting.items().get(2);
    assertThat(skipped.reason()).contains(scores.get(2).path("score").toString());
    assertThat(skipped.outputRef()).isNull();
    assertThat(skipped.inputRef()).isNull();
    assertThat(skipped.attempts()).isZero();
  }

  private JsonNode stored(dev.bunsui.store.ArtifactRef ref) throws Exception {
    assertThat(ref).isNotNull();
    return Json.MAPPER.readTree(store.get(ref));
  }

  private static StepRecord step(ExecutionRecord record, String id) {
    return record.steps().stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step " + id + " in " + record));
  }

  /** Queries the record until it satisfies the condition (real time, at most 60 s). */
  private static ExecutionRecord awaitRecord(
      PipelineWorkflow run, Predicate<ExecutionRecord> condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
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
      if (last != null && !"running".equals(last.status())) {
        break;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out waiting for " + what + "; last record: " + last);
  }

  /** The project folder: the nearest folder upwards holding {@code mvnw}. */
  private static Path projectRoot() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve("mvnw"))) {
        return d;
      }
    }
    throw new IllegalStateException("no folder with mvnw above " + Path.of("").toAbsolutePath());
  }
}

package dev.bunsui.cli;

import static dev.bunsui.cli.RealServerSupport.JSON;
import static dev.bunsui.cli.RealServerSupport.worker;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.book.BookSearchAttributes;
import dev.bunsui.book.BookTaskQueues;
import dev.bunsui.cli.it.TemporalDevServerExtension;
import dev.bunsui.pipeline.ExecutionRecord;
import dev.bunsui.pipeline.PipelineDefinition;
import dev.bunsui.pipeline.PipelineRequest;
import dev.bunsui.pipeline.PipelineResult;
import dev.bunsui.pipeline.PipelineWorkflow;
import dev.bunsui.pipeline.StepRecord;
import dev.bunsui.pipeline.StepStatus;
import dev.bunsui.pipeline.definition.PipelineDefinitions;
import dev.bunsui.pipeline.definition.PipelineInputs;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * At most one post when the worker dies after X took the post but before it answered, on the real
 * dev server: the {@code auto_posting} activity is retried on a new worker after its heartbeat
 * timeout, finds its {@code pending} ledger record, asks X whether the post arrived, and answers
 * {@code already_posted} instead of posting again.
 */
class PostAtMostOnceIT {
  @RegisterExtension
  static final TemporalDevServerExtension SERVER = new TemporalDevServerExtension();

  private static final String TOKEN = "x-it-token";

  @TempDir Path work;

  @Test
  void aWorkerKilledMidPostDoesNotPostTwice() throws Exception {
    Path store = work.resolve("store");
    PipelineDefinition definition =
        PipelineDefinitions.load(
            Path.of(PostAtMostOnceIT.class.getResource("/pipelines/post_once.yaml").toURI()));
    String text =
        "bunsui survives a crash mid-post " + UUID.randomUUID().toString().substring(0, 8);
    JsonNode input =
        PipelineInputs.validate(definition, JSON.createObjectNode().put("text", text), "input");
    String workflowId = "post-once-" + UUID.randomUUID().toString().substring(0, 8);

    try (FakeXServer x = new FakeXServer(TOKEN);
        Temporal temporal =
            Temporal.tryConnect(SERVER.target(), "default", Duration.ofSeconds(10)).orElseThrow()) {
      List<String> settings =
          List.of(
              "--bunsui.channels.x.base-url=" + x.baseUrl(),
              "--bunsui.channels.x.access-token=" + TOKEN);
      EmbeddedWorker first = worker(SERVER.target(), store, settings);
      long pid = first.pid();
      x.beforeFirstAnswer(() -> kill(pid));

      WorkflowClient client = temporal.client;
      PipelineWorkflow run =
          client.newWorkflowStub(
              PipelineWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setTaskQueue(BookTaskQueues.BOOK)
                  .setWorkflowId(workflowId)
                  .setTypedSearchAttributes(
                      SearchAttributes.newBuilder()
                          .set(BookSearchAttributes.PIPELINE, definition.id())
                          .build())
                  .build());
      WorkflowClient.start(run::run, new PipelineRequest(definition, input, "post_once.yaml"));

      RealServerSupport.await(
          "the first worker to be killed while X takes the post",
          Duration.ofSeconds(90),
          () -> !x.posts().isEmpty() && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
      first.close();
      assertThat(pendingRecords(store))
          .as("the ledger holds the cut-off attempt as pending")
          .singleElement()
          .satisfies(r -> assertThat(r.path("state").asText()).isEqualTo("pending"));

      PipelineResult result;
      try (EmbeddedWorker second = worker(SERVER.target(), store, settings)) {
        try {
          result =
              client
                  .newUntypedWorkflowStub(workflowId)
                  .getResultAsync(PipelineResult.class)
                  .get(3, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
          throw new AssertionError(
              "the run did not finish after the new worker started:\n"
                  + SERVER.temporal("workflow", "describe", "--workflow-id", workflowId),
              e);
        }
      }

      // exactly one post reached X; the retry asked X instead of posting
      assertThat(x.posts()).extracting(FakeXServer.Post::text).containsExactly(text);
      assertThat(x.requests())
          .containsExactly(
              "POST /2/tweets",
              "GET /2/users/me",
              "GET /2/users/" + FakeXServer.USER_ID + "/tweets");

      assertThat(result.status()).isEqualTo("completed");
      ExecutionRecord record = result.record();
      assertThat(record.status()).isEqualTo("completed");
      StepRecord announce = record.steps().get(0);
      assertThat(announce.id()).isEqualTo("announce");
      assertThat(announce.status()).isEqualTo(StepStatus.SUCCEEDED);
      assertThat(announce.attempts()).as("the second attempt answered").isEqualTo(2);
      assertThat(announce.inputRef()).isNotNull();
      assertThat(announce.outputRef()).isNotNull();
      assertThat(announce.durationMillis()).isNotNull();
      JsonNode output =
          JSON.readTree(Files.readString(Path.of(java.net.URI.create(announce.outputRef().uri()))));
      assertThat(output.path("status").asText()).isEqualTo("already_posted");
      assertThat(output.path("channel").asText()).isEqualTo("x");
      assertThat(output.path("post_id").asText()).isEqualTo(x.posts().get(0).id());
      assertThat(output.path("url").asText())
          .isEqualTo("https://x.com/i/web/status/" + x.posts().get(0).id());

      JsonNode ledger =
          JSON.readTree(
              store
                  .resolve("posts")
                  .resolve(output.path("idempotency_key").asText() + ".json")
                  .toFile());
      assertThat(ledger.path("state").asText()).isEqualTo("confirmed");
      assertThat(ledger.path("attempt").asInt()).isEqualTo(2);
      assertThat(ledger.path("post_id").asText()).isEqualTo(x.posts().get(0).id());
    }
  }

  /** Kills the worker as a crash would, and waits until it is gone. */
  private static void kill(long pid) {
    try {
      Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(pid)).inheritIO().start();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill -KILL " + pid + " failed");
      }
      RealServerSupport.await(
          "the killed worker to be gone",
          Duration.ofSeconds(30),
          () -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
    } catch (Exception e) {
      throw new IllegalStateException("cannot kill the worker " + pid, e);
    }
  }

  /** The ledger records in the store ({@code posts/*.json}). */
  private static List<JsonNode> pendingRecords(Path store) throws Exception {
    try (Stream<Path> files = Files.list(store.resolve("posts"))) {
      return files
          .map(
              f -> {
                try {
                  return JSON.readTree(f.toFile());
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    }
  }
}

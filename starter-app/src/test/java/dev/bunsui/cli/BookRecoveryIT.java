package dev.bunsui.cli;

import static dev.bunsui.cli.RealServerSupport.JSON;
import static dev.bunsui.cli.RealServerSupport.cli;
import static dev.bunsui.cli.RealServerSupport.runBook;
import static dev.bunsui.cli.RealServerSupport.worker;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.cli.RealServerSupport.Run;
import dev.bunsui.cli.it.TemporalDevServerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rerun from failure on the real Temporal dev server: a figure step made to fail permanently by the
 * fault switch, then {@code bunsui session rerun --strategy reset}, {@code --strategy cache} and
 * the real {@code temporal workflow reset --type LastWorkflowTask} each complete a failed run, with
 * a fake LLM server showing that no prompt is sent twice; then the visibility queries over the
 * project's search attributes return exactly these runs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BookRecoveryIT {
  @RegisterExtension
  static final TemporalDevServerExtension SERVER = new TemporalDevServerExtension();

  @TempDir static Path work;
  static FakeLlmServer llm;
  static final List<String> failedRuns = new ArrayList<>();

  @BeforeAll
  static void startLlm() throws Exception {
    llm = new FakeLlmServer();
  }

  @AfterAll
  static void stopLlm() {
    llm.close();
  }

  /** Runs the book on a worker whose ConvertFigure always fails; returns the failed run's id. */
  private static String failedRun(String id, Path store) {
    try (EmbeddedWorker faulty = worker(SERVER.target(), store, llm, "ConvertFigure")) {
      Run run = runBook(SERVER.target(), id);
      assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.RUN_FAILED);
      assertThat(run.err()).contains("FAULT_INJECTED");
    }
    String describe =
        SERVER.temporal("workflow", "describe", "--workflow-id", id, "--output", "json");
    JsonNode d = read(describe);
    String runId = d.at("/workflowExecutionInfo/execution/runId").asText();
    assertThat(runId).isNotBlank();
    assertThat(attribute(d, "FailedStep")).matches("chapter-\\d/section-\\d/ConvertFigure");
    assertThat(attribute(d, "Stage")).isEqualTo("FAILED");
    failedRuns.add(id + "/" + runId);
    return runId;
  }

  /** A search attribute's value from {@code temporal workflow describe --output json}. */
  private static String attribute(JsonNode describe, String name) {
    JsonNode field =
        describe.at("/workflowExecutionInfo/searchAttributes/indexedFields/" + name + "/data");
    assertThat(field.isMissingNode()).as("search attribute " + name).isFalse();
    return read(new String(java.util.Base64.getDecoder().decode(field.asText()))).asText();
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  @Test
  @Order(1)
  void resetStrategyCompletesAFailedRunWithoutRepeatingLlmCalls() {
    String id = "book-it-reset";
    Path store = work.resolve("store-reset");
    failedRun(id, store);

    Run analyze = cli("error", "analyze", "--session-id", id, "--target", SERVER.target());
    assertThat(analyze.code()).as(analyze.err()).isZero();
    JsonNode errors = analyze.json().path("errors");
    assertThat(errors).isNotEmpty();
    for (JsonNode e : errors) {
      assertThat(e.path("jobId").asText()).matches("chapter-\\d+/section-\\d+/ConvertFigure");
      assertThat(e.path("errorCode").asText()).isEqualTo("FAULT_INJECTED");
      assertThat(e.path("outcome").asText()).isEqualTo("failed_run");
      assertThat(e.path("recoverySuggestions").toString())
          .contains("bunsui session rerun " + id + " --strategy reset");
    }

    Run dryRun =
        cli(
            "session",
            "rerun",
            id,
            "--strategy",
            "reset",
            "--dry-run",
            "--target",
            SERVER.target());
    assertThat(dryRun.code()).as(dryRun.err()).isZero();
    assertThat(dryRun.json().at("/plan/kept").toString()).contains("ParseBook");
    assertThat(dryRun.json().at("/plan/reusedFromCache").toString()).contains("GenerateArticle");
    assertThat(dryRun.json().at("/plan/computedAgain").toString()).contains("ConvertFigure");

    int llmCallsBefore = llm.total();
    try (EmbeddedWorker fixed = worker(SERVER.target(), store, llm)) {
      Run rerun =
          cli("session", "rerun", id, "--strategy", "reset", "--wait", "--target", SERVER.target());
      assertThat(rerun.code()).as(rerun.err()).isZero();
      assertThat(rerun.json().path("status").asText()).isEqualTo("completed");
      assertThat(rerun.json().path("summary").asText()).contains("2 figures");
    }
    assertThat(llm.total()).as("LLM calls made by the rerun").isEqualTo(llmCallsBefore);
    assertThat(llm.callsPerPrompt().values()).allMatch(n -> n == 1);
  }

  @Test
  @Order(2)
  void cacheStrategyCompletesAFreshFailedRunWithoutRepeatingLlmCalls() {
    String id = "book-it-cache";
    Path store = work.resolve("store-cache");
    llm.reset();
    failedRun(id, store);
    int llmCallsBefore = llm.total();
    assertThat(llmCallsBefore).isPositive();
    try (EmbeddedWorker fixed = worker(SERVER.target(), store, llm)) {
      Run rerun =
          cli("session", "rerun", id, "--strategy", "cache", "--wait", "--target", SERVER.target());
      assertThat(rerun.code()).as(rerun.err()).isZero();
      assertThat(rerun.json().path("status").asText()).isEqualTo("completed");
    }
    assertThat(llm.total()).as("LLM calls made by the rerun").isEqualTo(llmCallsBefore);
  }

  @Test
  @Order(3)
  void temporalCliResetToLastWorkflowTaskCompletesAFailedRun() {
    String id = "book-it-temporal-reset";
    Path store = work.resolve("store-temporal-reset");
    llm.reset();
    failedRun(id, store);
    int llmCallsBefore = llm.total();
    try (EmbeddedWorker fixed = worker(SERVER.target(), store, llm)) {
      SERVER.temporal(
          "workflow",
          "reset",
          "--workflow-id",
          id,
          "--type",
          "LastWorkflowTask",
          "--reason",
          "BookRecoveryIT");
      Run watch = cli("session", "watch", id, "--target", SERVER.target(), "--format", "json");
      assertThat(watch.code()).as(watch.err()).isZero();
      assertThat(watch.json().path("summary").asText()).contains("2 figures");
    }
    assertThat(llm.total()).as("LLM calls made after the reset").isEqualTo(llmCallsBefore);
  }

  @Test
  @Order(4)
  void visibilityQueriesOverTheSearchAttributesReturnExactlyTheseRuns() throws Exception {
    Set<String> ids = new TreeSet<>();
    failedRuns.forEach(r -> ids.add(r.substring(0, r.indexOf('/'))));
    assertThat(ids).hasSize(3);

    RealServerSupport.await(
        "visibility to show the failed and completed runs",
        Duration.ofSeconds(30),
        () ->
            list("BunsuiPipeline='book' AND ExecutionStatus='Failed'")
                    .equals(Set.copyOf(failedRuns))
                && ids(list("BunsuiPipeline='book' AND ExecutionStatus='Completed'")).equals(ids));
    assertThat(list("BunsuiPipeline='book' AND ExecutionStatus='Failed'"))
        .containsExactlyInAnyOrderElementsOf(failedRuns);
    assertThat(ids(list("BunsuiPipeline='book' AND Stage='COMPLETED'"))).isEqualTo(ids);
    // the failed section runs: the two sections that hold a figure, in each of the three runs
    Set<String> failedSections =
        ids(list("BunsuiPipeline='book.section' AND FailedStep='ConvertFigure'"));
    assertThat(failedSections).hasSize(6);
    assertThat(failedSections).allMatch(s -> s.matches("book-it-.*-chapter-\\d-section-\\d"));
    assertThat(list("BookTitle='Durable Pipelines in Practice' AND BunsuiPipeline='book'"))
        .hasSize(6);

    Run sessions =
        cli(
            "session",
            "list",
            "--filter",
            "status=failed",
            "--filter",
            "pipeline=book",
            "--target",
            SERVER.target());
    assertThat(sessions.code()).as(sessions.err()).isZero();
    Set<String> listed = new TreeSet<>();
    for (JsonNode s : sessions.json().path("sessions")) {
      listed.add(s.path("workflowId").asText() + "/" + s.path("runId").asText());
      assertThat(s.path("failedStep").asText()).contains("ConvertFigure");
    }
    assertThat(listed).containsExactlyInAnyOrderElementsOf(failedRuns);
  }

  /** {@code workflowId/runId} of every execution the real CLI lists for the query. */
  private static Set<String> list(String query) {
    String out = SERVER.temporal("workflow", "list", "--query", query, "--output", "json");
    Set<String> runs = new TreeSet<>();
    JsonNode node = read(out.isBlank() ? "[]" : out);
    for (JsonNode e : node) {
      runs.add(e.at("/execution/workflowId").asText() + "/" + e.at("/execution/runId").asText());
    }
    return runs;
  }

  private static Set<String> ids(Set<String> runs) {
    Set<String> ids = new TreeSet<>();
    runs.forEach(r -> ids.add(r.substring(0, r.indexOf('/'))));
    return ids;
  }
}

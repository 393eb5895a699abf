package dev.bunsui.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bunsui.book.BookRequest;
import dev.bunsui.book.BookResult;
import dev.bunsui.book.BookTaskQueues;
import dev.bunsui.book.BookWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker's Spring app on the SDK's in-process test server with its HTTP server on a free port:
 * a book with a good and a broken figure runs twice, then {@code /actuator/prometheus} is scraped
 * over HTTP. The project's metrics carry the run's real figures (extractive LLM requests and token
 * estimates, the cost at a price set for the extractive model, step durations per activity type,
 * errors by code, step cache hits on the second run, figures converted per type) and the Temporal
 * SDK's metrics are there (schedule-to-start latency). The Grafana dashboard's metric names are
 * checked against this scrape.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.temporal.test-server.enabled=true",
      // a price for the offline model so the cost estimate has something to count
      "bunsui.llm.prices.extractive.textrank-1.input=1.0",
      "bunsui.llm.prices.extractive.textrank-1.output=2.0"
    })
@AutoConfigureObservability(tracing = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsEndpointTest {
  static Path dir;

  static {
    try {
      dir = Files.createTempDirectory("bunsui-metrics-test");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry registry) {
    registry.add("bunsui.store.root", () -> dir.resolve("out").toString());
  }

  @Autowired WorkflowClient client;
  @LocalServerPort int port;

  PrometheusScrape scrape;
  BookResult first;
  BookResult second;

  @BeforeAll
  void runABookTwiceAndScrape() throws Exception {
    Path book = Files.createDirectories(dir.resolve("book"));
    Files.createDirectories(book.resolve("img"));
    Files.writeString(
        book.resolve("img/good.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"10\">"
            + "<rect width=\"20\" height=\"10\" fill=\"blue\"/></svg>");
    Files.writeString(book.resolve("img/broken.svg"), "<svg this is not XML");
    Files.writeString(
        book.resolve("f.md"),
        "# Ownership\n\n## Rules\n\nEach value in Rust has an owner. There can only be one owner"
            + " at a time. When the owner goes out of scope, the value is dropped.\n\n"
            + "![rules](img/good.svg)\n\n![broken](img/broken.svg)\n\n"
            + "## Moves\n\nAssigning a value to another variable moves it. The first variable"
            + " can no longer be used after the move.\n");
    first = run("metrics-1", book);
    second = run("metrics-2", book);

    // the SDK's metrics scope records timers at once but reports counters every 10 s
    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    String text;
    do {
      text = get("/actuator/prometheus");
      scrape = PrometheusScrape.parse(text);
      if (scrape.sum("temporal_workflow_completed_total") > 0) {
        break;
      }
      Thread.sleep(1000);
    } while (System.nanoTime() < deadline);
    // kept for a look at what the worker serves
    Files.writeString(Path.of("target", "metrics-scrape.txt"), text);
  }

  private BookResult run(String id, Path book) {
    return client
        .newWorkflowStub(
            BookWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(BookTaskQueues.BOOK)
                .setWorkflowId(id)
                .build())
        .run(
            new BookRequest(
                book.resolve("f.md").toString(), "en", null, List.of(), null, null, false));
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  @Test
  void llmRequestsTokensAndCostOfTheFirstRun() {
    // 2 sections × (analysis + 5 generated kinds), all made in the first run only
    assertThat(
            scrape.sum(
                "bunsui_llm_requests_total",
                "provider",
                "extractive",
                "model",
                "textrank-1",
                "outcome",
                "success"))
        .isEqualTo(12.0);
    double in = scrape.sum("bunsui_llm_tokens_total", "direction", "input");
    double out = scrape.sum("bunsui_llm_tokens_total", "direction", "output");
    assertThat(in).isPositive();
    assertThat(out).isPositive();
    // $1 per million input tokens, $2 per million output tokens
    assertThat(scrape.sum("bunsui_llm_cost_usd_total", "provider", "extractive"))
        .isCloseTo((in * 1.0 + out * 2.0) / 1_000_000, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(scrape.sum("bunsui_llm_request_duration_seconds_count")).isEqualTo(12.0);
  }

  @Test
  void stepCacheHitsOnTheSecondRunAndMissesOnTheFirst() {
    assertThat(first.sectionsDone()).isEqualTo(2);
    assertThat(second.sectionsDone()).isEqualTo(2);
    assertThat(scrape.sum("bunsui_step_cache_lookups_total", "step", "article", "result", "miss"))
        .isEqualTo(2.0);
    assertThat(scrape.sum("bunsui_step_cache_lookups_total", "step", "article", "result", "hit"))
        .isEqualTo(2.0);
    assertThat(scrape.sum("bunsui_step_cache_lookups_total", "step", "figure", "result", "hit"))
        .isEqualTo(1.0);
  }

  @Test
  void figuresConvertedPerTypeAndOutcome() {
    assertThat(scrape.sum("bunsui_figures_converted_total", "type", "svg", "outcome", "success"))
        .isEqualTo(1.0);
    // the broken figure fails in both runs (failures are not cached)
    assertThat(scrape.sum("bunsui_figures_converted_total", "type", "svg")).isEqualTo(3.0);
    assertThat(scrape.sum("bunsui_figure_render_duration_seconds_count")).isEqualTo(3.0);
  }

  @Test
  void stepDurationsPerActivityTypeAndErrorsByCode() {
    assertThat(
            scrape.sum(
                "bunsui_step_duration_seconds_count",
                "activity_type",
                "GenerateArticle",
                "outcome",
                "success"))
        .isEqualTo(4.0);
    assertThat(scrape.sum("bunsui_step_duration_seconds_sum", "activity_type", "ParseBook"))
        .isPositive();
    assertThat(scrape.sum("bunsui_step_duration_seconds_bucket", "activity_type", "ParseBook"))
        .isPositive();
    // the broken SVG fails ConvertFigure with a typed, non-retryable error once per run
    assertThat(
            scrape.sum(
                "bunsui_step_duration_seconds_count",
                "activity_type",
                "ConvertFigure",
                "outcome",
                "failure"))
        .isEqualTo(2.0);
    assertThat(scrape.labelValues("bunsui_step_duration_seconds_count", "error_code"))
        .contains("none")
        .anyMatch(code -> code.equals("INPUT_INVALID") || code.equals("FIGURE_RENDER"));
  }

  @Test
  void theTemporalSdkMetricsAreServedToo() {
    assertThat(scrape.sum("temporal_activity_schedule_to_start_latency_seconds_count"))
        .isPositive();
    assertThat(scrape.names())
        .contains(
            "temporal_activity_schedule_to_start_latency_seconds_bucket",
            "temporal_workflow_completed_total",
            "temporal_activity_execution_latency_seconds_bucket");
  }

  @Test
  void everyMetricTheDashboardQueriesIsServed() throws Exception {
    Path dashboard =
        Path.of(System.getProperty("bunsui.projectRoot", ".."))
            .resolve("deploy/grafana/dashboards/bunsui.json");
    List<String> names =
        GrafanaDashboard.read(dashboard).metricNames().stream()
            .filter(n -> !GrafanaDashboard.NOT_FROM_A_BOOK_RUN.containsKey(n))
            .toList();
    assertThat(names).hasSizeGreaterThan(10);
    assertThat(names).allSatisfy(name -> assertThat(scrape.names()).as(name).contains(name));
  }
}

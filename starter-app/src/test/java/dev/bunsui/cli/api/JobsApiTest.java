package dev.bunsui.cli.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bunsui.cli.PipelineTestServer;
import dev.bunsui.cli.Temporal;
import dev.bunsui.cli.guard.Env;
import dev.bunsui.cli.guard.GuardOptions;
import dev.bunsui.cli.guard.Guardrails;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The HTTP API end to end: real HTTP to the Spring application on a random port, which talks to a
 * Temporal server (the SDK's in-JVM server on a local port) whose worker runs the real {@code
 * PipelineWorkflowImpl} with fake tool activities. Runs the campaign_automation template.
 */
class JobsApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static PipelineTestServer temporal;
  private static Temporal connection;
  private static ConfigurableApplicationContext app;
  private static String base;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    temporal = new PipelineTestServer();
    connection = temporal.connect();
    Guardrails guard =
        Guardrails.load(
            new GuardOptions(false, "api-test", null, null, List.of()),
            Env.system(),
            Clock.systemUTC());
    app =
        ApiServer.start(
            new ApiServer.Settings(
                connection, guard, "127.0.0.1", 0, Duration.ofMillis(200), "bunsui test"));
    base = "http://127.0.0.1:" + ApiServer.port(app);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (connection != null) {
      connection.close();
    }
    if (temporal != null) {
      temporal.close();
    }
  }

  @BeforeEach
  void resetTools() {
    temporal.tools.scores = List.of(0.9, 0.5, 0.8);
    temporal.tools.failing.clear();
  }

  record Reply(int status, String contentType, JsonNode body) {}

  private static Reply send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
    return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), json);
  }

  private static String campaign(String theme, String mode) {
    return "{\"pipeline_type\":\"campaign_automation\",\"mode\":\""
        + mode
        + "\",\"input\":{\"campaign\":{\"theme\":\""
        + theme
        + "\"}}}";
  }

  private static String startAsync(String theme) throws Exception {
    Reply r = send("POST", "/v1/jobs", campaign(theme, "async"));
    assertThat(r.status()).as(r.body().toString()).isEqualTo(202);
    assertThat(r.body().path("status").asText()).isEqualTo("running");
    return r.body().path("id").asText();
  }

  private static JsonNode awaitStatus(String id, Predicate<JsonNode> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      Reply r = send("GET", "/v1/jobs/" + id, null);
      assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
      last = r.body();
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("job " + id + " never reached the state; last: " + last);
  }

  private static boolean waitingForApproval(JsonNode job) {
    for (JsonNode s : job.path("pending_approvals")) {
      if (s.asText().equals("auto_posting")) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode step(JsonNode job, String id) {
    for (JsonNode s : job.path("record").path("steps")) {
      if (s.path("id").asText().equals(id)) {
        return s;
      }
    }
    throw new AssertionError("no step " + id + " in " + job);
  }

  @Test
  void asyncJobStreamsEventsApprovedThroughTheApiUntilItCompletes() throws Exception {
    String id = startAsync("spring sale");
    HttpResponse<Stream<String>> stream =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/v1/jobs/" + id + "/stream")).build(),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/x-ndjson");
    List<JsonNode> events = new ArrayList<>();
    try (Stream<String> lines = stream.body()) {
      Iterator<String> it = lines.iterator();
      while (it.hasNext()) {
        JsonNode e = JSON.readTree(it.next());
        events.add(e);
        if (e.path("event").asText().equals("approval_requested")) {
          assertThat(e.path("step").asText()).isEqualTo("auto_posting");
          assertThat(e.path("command").asText())
              .isEqualTo("bunsui session approve " + id + " --job auto_posting");
          Reply approved =
              send(
                  "POST",
                  "/v1/jobs/" + id + "/approve",
                  "{\"step\":\"auto_posting\",\"approver\":\"alice\",\"comment\":\"go\"}");
          assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
          assertThat(approved.body().path("decision").asText()).isEqualTo("approved");
        }
      }
    }
    List<String> names = events.stream().map(e -> e.path("event").asText()).toList();
    assertThat(names.get(0)).isEqualTo("job_started");
    assertThat(names.get(names.size() - 1)).isEqualTo("job_completed");
    assertThat(names)
        .containsSubsequence(
            "job_started",
            "step_started",
            "step_completed",
            "step_completed",
            "approval_requested",
            "item_completed",
            "step_completed",
            "job_completed");
    assertThat(
            events.stream()
                .filter(e -> e.path("event").asText().equals("step_completed"))
                .map(e -> e.path("step").asText() + " " + e.path("status").asText()))
        .containsExactly(
            "creative_generation succeeded",
            "performance_prediction succeeded",
            "auto_posting succeeded");
    // the 0.5 creative is skipped with its score, the other two are posted
    assertThat(
            events.stream()
                .filter(e -> e.path("event").asText().equals("item_completed"))
                .map(e -> e.path("item").asInt() + " " + e.path("status").asText()))
        .containsExactlyInAnyOrder("0 succeeded", "1 skipped", "2 succeeded");
    assertThat(events.get(names.size() - 1).path("status").asText())
        .isEqualTo("completed_with_skips");

    JsonNode job = awaitStatus(id, j -> j.path("status").asText().equals("completed"));
    assertThat(job.path("workflow_type").asText()).isEqualTo("PipelineWorkflow");
    assertThat(job.path("pipeline").asText()).isEqualTo("campaign_automation");
    JsonNode posting = step(job, "auto_posting");
    assertThat(posting.path("approval").path("status").asText()).isEqualTo("approved");
    assertThat(posting.path("approval").path("approver").asText()).isEqualTo("alice");
    assertThat(posting.path("items").get(1).path("reason").asText()).contains("0.5");
    assertThat(job.path("steps").get(0).path("status").asText()).isEqualTo("succeeded");
  }

  @Test
  void aClientThatDisconnectsMidStreamDoesNotStopTheJob() throws Exception {
    String id = startAsync("disconnect");
    HttpResponse<InputStream> stream =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/v1/jobs/" + id + "/stream")).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      assertThat(JSON.readTree(reader.readLine()).path("event").asText()).isEqualTo("job_started");
    } // the client goes away here, mid-stream
    awaitStatus(id, JobsApiTest::waitingForApproval);
    Reply approved =
        send(
            "POST",
            "/v1/jobs/" + id + "/approve",
            "{\"step\":\"auto_posting\",\"approver\":\"bob\"}");
    assertThat(approved.status()).isEqualTo(200);
    JsonNode done = awaitStatus(id, j -> !j.path("status").asText().equals("running"));
    assertThat(done.path("status").asText()).isEqualTo("completed");
    assertThat(temporal.tools.calls.get("auto_posting").get()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aRunningJobIsCancelled() throws Exception {
    String id = startAsync("cancel me");
    awaitStatus(id, JobsApiTest::waitingForApproval);
    Reply cancel = send("POST", "/v1/jobs/" + id + "/cancel", null);
    assertThat(cancel.status()).as(cancel.body().toString()).isEqualTo(202);
    assertThat(cancel.body().path("status").asText()).isEqualTo("cancel_requested");
    JsonNode job = awaitStatus(id, j -> !j.path("status").asText().equals("running"));
    assertThat(job.path("status").asText()).isEqualTo("cancelled");
    Reply again = send("POST", "/v1/jobs/" + id + "/cancel", null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().path("detail").asText()).contains("cancelled, not running");
    Reply late =
        send(
            "POST",
            "/v1/jobs/" + id + "/approve",
            "{\"step\":\"auto_posting\",\"approver\":\"alice\"}");
    assertThat(late.status()).isEqualTo(409);
  }

  @Test
  void aFailedJobIsRerunAndThenRuns() throws Exception {
    temporal.tools.failing.add("creative_generation");
    String id = startAsync("rerun");
    JsonNode failed = awaitStatus(id, j -> !j.path("status").asText().equals("running"));
    assertThat(failed.path("status").asText()).isEqualTo("failed");
    assertThat(failed.path("failure").asText()).contains("POST_REJECTED");
    String firstRun = failed.path("run_id").asText();

    temporal.tools.failing.clear();
    Reply rerun = send("POST", "/v1/jobs/" + id + "/rerun", "{}");
    assertThat(rerun.status()).as(rerun.body().toString()).isEqualTo(202);
    // the in-JVM server cannot reset: the API picks the cache strategy (a new run, same input)
    assertThat(rerun.body().path("strategy").asText()).isEqualTo("cache");
    assertThat(rerun.body().path("run_id").asText()).isNotEqualTo(firstRun);
    awaitStatus(id, JobsApiTest::waitingForApproval);
    Reply rejected =
        send(
            "POST",
            "/v1/jobs/" + id + "/reject",
            "{\"step\":\"auto_posting\",\"approver\":\"carol\",\"comment\":\"not now\"}");
    assertThat(rejected.status()).as(rejected.body().toString()).isEqualTo(200);
    JsonNode done = awaitStatus(id, j -> j.path("status").asText().equals("completed"));
    assertThat(step(done, "creative_generation").path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(step(done, "auto_posting").path("status").asText()).isEqualTo("SKIPPED");
    assertThat(step(done, "auto_posting").path("approval").path("comment").asText())
        .isEqualTo("not now");
  }

  @Test
  void syncModeWaitsAndReturnsTheRecord() throws Exception {
    temporal.tools.scores = List.of(0.1, 0.2, 0.3); // nothing to post, so nothing to approve
    Reply r = send("POST", "/v1/jobs", campaign("quiet week", "sync"));
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    assertThat(r.body().path("status").asText()).isEqualTo("completed");
    assertThat(r.body().path("steps").get(2).path("step").asText()).isEqualTo("auto_posting");
    assertThat(r.body().path("steps").get(2).path("status").asText()).isEqualTo("skipped");
    assertThat(r.body().path("result").path("status").asText()).isEqualTo("completed_with_skips");
  }

  @Test
  void badRequestsAreProblemDetailsNamingTheField() throws Exception {
    Reply malformed = send("POST", "/v1/jobs", "{\"pipeline_type\": ");
    assertProblem(malformed, 400, "body");
    assertThat(malformed.body().path("detail").asText()).contains("malformed JSON at line 1");

    assertProblem(
        send("POST", "/v1/jobs", "{\"pipeline_type\":\"nope\",\"input\":{}}"),
        400,
        "pipeline_type");
    assertProblem(send("POST", "/v1/jobs", campaign("x", "later")), 400, "mode");
    assertProblem(
        send("POST", "/v1/jobs", "{\"pipeline_type\":\"campaign_automation\"}"), 400, "input");
    assertProblem(
        send("POST", "/v1/jobs", "{\"pipeline_type\":\"book\",\"input\":{},\"colour\":1}"),
        400,
        "colour");
    Reply missing =
        send(
            "POST",
            "/v1/jobs",
            "{\"pipeline_type\":\"campaign_automation\",\"input\":{\"campaign\":{}}}");
    assertProblem(missing, 400, "input.campaign.theme");
    assertThat(missing.body().path("problems").get(0).path("reason").asText()).contains("theme");
    assertProblem(
        send("POST", "/v1/jobs/any/approve", "{\"step\":\"auto_posting\"}"), 400, "approver");
    Reply unknown = send("GET", "/v1/jobs/no-such-job", null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
  }

  private static void assertProblem(Reply r, int status, String field) {
    assertThat(r.status()).as(r.body().toString()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.body().path("field").asText()).as(r.body().toString()).isEqualTo(field);
    assertThat(r.body().path("detail").asText()).isNotBlank();
  }

  @Test
  void healthSaysTemporalIsReachable() throws Exception {
    Reply r = send("GET", "/health", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().path("status").asText()).isEqualTo("ok");
    assertThat(r.body().path("version").asText()).isEqualTo("bunsui test");
    assertThat(r.body().path("temporal").path("reachable").asBoolean()).isTrue();
    assertThat(r.body().path("temporal").path("target").asText()).isEqualTo(temporal.target());
    assertThat(r.body().path("uptime_seconds").asLong()).isNotNegative();
  }

  @Test
  void theOpenApiDocumentListsEveryRoute() throws Exception {
    Reply r = send("GET", "/v3/api-docs", null);
    assertThat(r.status()).isEqualTo(200);
    JsonNode paths = r.body().path("paths");
    var mapping =
        app.getBean(
            "requestMappingHandlerMapping",
            org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping
                .class);
    List<String> routes = new ArrayList<>();
    mapping
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              if (method.getBeanType().getPackageName().equals("dev.bunsui.cli.api")) {
                for (String p : info.getPatternValues()) {
                  for (var m : info.getMethodsCondition().getMethods()) {
                    routes.add(m.name().toLowerCase() + " " + p);
                  }
                }
              }
            });
    assertThat(routes).hasSize(8);
    for (String route : routes) {
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1);
      assertThat(paths.path(path).has(method)).as(route + " in " + paths).isTrue();
    }
  }
}

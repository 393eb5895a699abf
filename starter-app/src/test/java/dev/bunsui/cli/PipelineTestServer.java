package dev.bunsui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bunsui.book.BookSearchAttributes;
import dev.bunsui.book.BookTaskQueues;
import dev.bunsui.pipeline.PipelineWorkflowImpl;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.tool.AdOptimizerActivities;
import dev.bunsui.tool.BookPostsActivities;
import dev.bunsui.tool.CreativeStudioActivities;
import dev.bunsui.tool.PostingActivities;
import dev.bunsui.tool.ToolRequest;
import dev.bunsui.tool.ToolResult;
import io.temporal.activity.Activity;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.failure.ApplicationFailure;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Temporal server for tests of the CLI and the HTTP API against declarative pipelines: the SDK's
 * in-JVM server bound to a local port (real time), the search attributes registered, and a worker
 * running the real {@link PipelineWorkflowImpl} with {@link Tools} (fake tool activities computing
 * their outputs from their inputs).
 */
public final class PipelineTestServer implements AutoCloseable {
  private final TestServer.PortBoundTestServer server;
  private final WorkflowServiceStubs stubs;
  private final WorkerFactory workers;
  private final String target;
  private final WorkflowClient client;

  /** The fake tools the worker runs. */
  public final Tools tools = new Tools();

  /** Starts the server and the worker. */
  public PipelineTestServer() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = TestServer.createPortBoundServer(port, true);
    target = "127.0.0.1:" + port;
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(stubs.getRawChannel())
                .validateAndBuildWithDefaults());
    AddSearchAttributesRequest.Builder add =
        AddSearchAttributesRequest.newBuilder().setNamespace("default");
    for (var key : BookSearchAttributes.ALL) {
      add.putSearchAttributes(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
    for (var key : BookSearchAttributes.KEYWORD_LISTS) {
      add.putSearchAttributes(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST);
    }
    operator.blockingStub().addSearchAttributes(add.build());
    operator.shutdown();
    client = WorkflowClient.newInstance(stubs);
    workers = WorkerFactory.newInstance(client);
    var worker = workers.newWorker(BookTaskQueues.BOOK);
    worker.registerWorkflowImplementationTypes(PipelineWorkflowImpl.class);
    // as in the worker's application.yml: the tools run on the task queue of their kind of work
    for (String queue : dev.bunsui.tool.TaskQueues.ACTIVITY_QUEUES) {
      workers.newWorker(queue).registerActivitiesImplementations(tools);
    }
    workers.start();
  }

  /** {@code 127.0.0.1:<port>}. */
  public String target() {
    return target;
  }

  /** A client of the server. */
  public WorkflowClient client() {
    return client;
  }

  /** A connection as the CLI makes it. */
  public Temporal connect() {
    return Temporal.tryConnect(target, "default", Duration.ofSeconds(5)).orElseThrow();
  }

  @Override
  public void close() {
    workers.shutdownNow();
    stubs.shutdownNow();
    server.close();
  }

  /**
   * Fake tools: creatives from the brief ({@code <theme> variant N}), scores from {@link #scores}
   * by index, posts numbered in order. Steps in {@link #failing} fail at once (not retryable).
   */
  public static final class Tools
      implements CreativeStudioActivities,
          AdOptimizerActivities,
          PostingActivities,
          BookPostsActivities {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The score of the creative at each index (0.5 beyond). */
    public volatile List<Double> scores = List.of(0.9, 0.5, 0.8);

    /** Steps whose calls fail with {@code POST_REJECTED}-style non-retryable failures. */
    public final Set<String> failing = ConcurrentHashMap.newKeySet();

    /** Calls per step id. */
    public final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    private final AtomicInteger posts = new AtomicInteger();

    @Override
    public ToolResult createCreatives(ToolRequest request) {
      return call(
          request,
          in -> {
            String theme = in.path("brief").path("theme").asText(in.path("brief").asText());
            ObjectNode out = JSON.createObjectNode();
            ArrayNode creatives = out.putArray("creatives");
            for (int i = 0; i < in.path("variants").asInt(3); i++) {
              ObjectNode c = creatives.addObject();
              c.put("id", "c" + (i + 1));
              c.put("headline", theme + " variant " + (i + 1));
              c.put("body", "Try " + theme + ".");
              c.put("channel", "outbox");
            }
            return out;
          });
    }

    @Override
    public ToolResult scoreCreatives(ToolRequest request) {
      return call(
          request,
          in -> {
            ObjectNode out = JSON.createObjectNode();
            ArrayNode list = out.putArray("scores");
            JsonNode creatives = in.path("creatives");
            for (int i = 0; i < creatives.size(); i++) {
              ObjectNode s = list.addObject();
              s.put("creative_id", creatives.get(i).path("id").asText());
              s.put("score", i < scores.size() ? scores.get(i) : 0.5);
              s.set("creative", creatives.get(i));
            }
            return out;
          });
    }

    @Override
    public ToolResult post(ToolRequest request) {
      return call(
          request,
          in -> {
            ObjectNode out = JSON.createObjectNode();
            out.put("channel", in.path("channel").asText("outbox"));
            out.put("status", "posted");
            out.put("post_id", "post-" + posts.incrementAndGet());
            return out;
          });
    }

    @Override
    public ToolResult bookPosts(ToolRequest request) {
      return call(
          request,
          in -> {
            ObjectNode out = JSON.createObjectNode();
            out.putArray("posts").addObject().put("text", "out now: " + in.path("book").asText());
            return out;
          });
    }

    private interface Body {
      JsonNode apply(JsonNode input);
    }

    private ToolResult call(ToolRequest request, Body body) {
      calls.computeIfAbsent(request.stepId(), k -> new AtomicInteger()).incrementAndGet();
      if (failing.contains(request.stepId())) {
        throw ApplicationFailure.newNonRetryableFailure(
            "the fake refuses step " + request.stepId(), "POST_REJECTED");
      }
      JsonNode out = body.apply(request.input());
      return new ToolResult(
          out,
          ref(request.input()),
          ref(out),
          Activity.getExecutionContext().getInfo().getAttempt());
    }

    private static ArtifactRef ref(JsonNode json) {
      byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
      try {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        return new ArtifactRef("mem://objects/" + sha, sha, bytes.length, "application/json");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}

package dev.bunsui.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.tool.AdOptimizerActivities;
import dev.bunsui.tool.BookPostsActivities;
import dev.bunsui.tool.CreativeStudioActivities;
import dev.bunsui.tool.PostingActivities;
import dev.bunsui.tool.ToolRequest;
import dev.bunsui.tool.ToolResult;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Deterministic test doubles of the four tools. Outputs are computed from the inputs (creatives
 * from the brief, scores per creative from {@link #scores} or the headline length, posts numbered
 * in order), inputs and outputs get real SHA-256 references, and every call is recorded with its
 * real start and end time and the test server's time.
 */
public class FakeTools
    implements CreativeStudioActivities,
        AdOptimizerActivities,
        PostingActivities,
        BookPostsActivities {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One tool call as the fake saw it. */
  public record Call(
      String tool,
      String step,
      Integer item,
      JsonNode input,
      int attempt,
      long startNanos,
      long endNanos,
      long serverMillis) {}

  /** Every call in the order it finished (successful or not). */
  public final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

  /** The score of the creative at each index; creatives beyond it score by headline length. */
  public volatile List<Double> scores = List.of();

  /** Steps whose calls fail at once, not retryable, with the error code as the type. */
  public volatile Map<String, String> failingSteps = Map.of();

  /** Steps whose calls fail retryably ({@code LLM_UNAVAILABLE}) on this many first attempts. */
  public volatile Map<String, Integer> flakySteps = Map.of();

  /** Steps whose calls wait (up to 10 s) until all of them have started. */
  public volatile Set<String> overlapping = Set.of();

  /** Released once per overlapping call; set to a latch of {@code overlapping.size()}. */
  public volatile CountDownLatch allStarted = new CountDownLatch(0);

  /** The test server's clock (set once the environment exists). */
  public volatile LongSupplier serverClock = () -> 0L;

  private final AtomicInteger postCounter = new AtomicInteger();
  private final Map<String, AtomicInteger> attemptsSeen = new ConcurrentHashMap<>();

  @Override
  public ToolResult createCreatives(ToolRequest request) {
    return call(
        "ai_creative_studio",
        request,
        in -> {
          JsonNode brief = in.path("brief");
          String theme = brief.isTextual() ? brief.textValue() : brief.path("theme").asText("");
          int variants = in.path("variants").asInt(3);
          JsonNode channels = in.path("channels");
          ObjectNode out = JSON.createObjectNode();
          ArrayNode creatives = out.putArray("creatives");
          for (int i = 0; i < variants; i++) {
            ObjectNode c = creatives.addObject();
            c.put("id", "c" + (i + 1));
            c.put("headline", theme + " variant " + (i + 1));
            c.put("body", "Try " + theme + " today.");
            c.put(
                "channel",
                channels.isArray() && !channels.isEmpty()
                    ? channels.get(i % channels.size()).asText()
                    : "outbox");
            c.put("text", theme + " variant " + (i + 1) + " - Try " + theme + " today.");
          }
          out.putObject("provenance").put("provider", "fake");
          return out;
        });
  }

  @Override
  public ToolResult scoreCreatives(ToolRequest request) {
    return call(
        "realtime_ad_optimizer",
        request,
        in -> {
          ObjectNode out = JSON.createObjectNode();
          ArrayNode list = out.putArray("scores");
          double best = -1;
          JsonNode bestCreative = null;
          JsonNode creatives = in.path("creatives");
          for (int i = 0; i < creatives.size(); i++) {
            JsonNode c = creatives.get(i);
            double score =
                i < scores.size()
                    ? scores.get(i)
                    : Math.min(1.0, c.path("headline").asText().length() / 40.0);
            ObjectNode s = list.addObject();
            s.put("creative_id", c.path("id").asText());
            s.put("score", score);
            s.set("creative", c);
            if (score > best) {
              best = score;
              bestCreative = c;
            }
          }
          out.put("score", best);
          out.set("best", bestCreative);
          out.put("model", in.has("weights") ? "fake-weighted 1" : "fake-features 1");
          return out;
        });
  }

  @Override
  public ToolResult post(ToolRequest request) {
    return call(
        "auto_posting",
        request,
        in -> {
          ObjectNode out = JSON.createObjectNode();
          out.put("channel", in.path("channel").asText("outbox"));
          out.put("status", "posted");
          out.put("post_id", "post-" + postCounter.incrementAndGet());
          out.put("idempotency_key", sha256(request.workflowId() + request.stepId() + in));
          out.put("posted_at", Instant.ofEpochMilli(serverClock.getAsLong()).toString());
          return out;
        });
  }

  @Override
  public ToolResult bookPosts(ToolRequest request) {
    return call(
        "book_posts",
        request,
        in -> {
          ObjectNode out = JSON.createObjectNode();
          ArrayNode posts = out.putArray("posts");
          for (int i = 0; i < in.path("limit").asInt(2); i++) {
            ObjectNode p = posts.addObject();
            p.put("text", "Chapter " + (i + 1) + " of " + in.path("book").asText() + " is out");
            p.put("chapter", i + 1);
            p.put("publish_at", in.path("start_at").asText(null));
          }
          out.putObject("book").put("id", in.path("book").asText());
          return out;
        });
  }

  /** The calls of one step, in the order they finished. */
  public List<Call> callsOf(String step) {
    synchronized (calls) {
      return calls.stream().filter(c -> c.step().equals(step)).toList();
    }
  }

  private interface Body {
    JsonNode apply(JsonNode input) throws Exception;
  }

  private ToolResult call(String tool, ToolRequest request, Body body) {
    long start = System.nanoTime();
    int attempt = Activity.getExecutionContext().getInfo().getAttempt();
    attemptsSeen
        .computeIfAbsent(request.stepId() + "/" + request.item(), k -> new AtomicInteger())
        .incrementAndGet();
    try {
      if (overlapping.contains(request.stepId())) {
        allStarted.countDown();
        if (!allStarted.await(10, TimeUnit.SECONDS)) {
          throw ApplicationFailure.newNonRetryableFailure(
              "steps " + overlapping + " did not run in parallel", "INTERNAL");
        }
      }
      String code = failingSteps.get(request.stepId());
      if (code != null) {
        throw ApplicationFailure.newNonRetryableFailure(
            tool + " refused the call of step " + request.stepId(), code);
      }
      Integer flaky = flakySteps.get(request.stepId());
      if (flaky != null && attempt <= flaky) {
        throw ApplicationFailure.newFailure(
            tool + " unavailable (attempt " + attempt + ")", "LLM_UNAVAILABLE");
      }
      JsonNode output = body.apply(request.input());
      return new ToolResult(output, ref(request.input()), ref(output), attempt);
    } catch (ApplicationFailure e) {
      throw e;
    } catch (Exception e) {
      throw ApplicationFailure.newNonRetryableFailure(e.toString(), "INTERNAL");
    } finally {
      calls.add(
          new Call(
              tool,
              request.stepId(),
              request.item(),
              request.input(),
              attempt,
              start,
              System.nanoTime(),
              serverClock.getAsLong()));
    }
  }

  private static ArtifactRef ref(JsonNode json) {
    byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
    String sha = sha256(bytes);
    return new ArtifactRef("mem://objects/" + sha, sha, bytes.length, "application/json");
  }

  private static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

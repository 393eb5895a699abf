package dev.bunsui.optimizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bunsui.creative.ChannelLimits;
import dev.bunsui.creative.PostText;
import dev.bunsui.failure.ErrorCode;
import dev.bunsui.generate.PromptException;
import dev.bunsui.generate.Prompts;
import dev.bunsui.llm.ChatProviders;
import dev.bunsui.llm.LlmSettings;
import dev.bunsui.support.Failures;
import dev.bunsui.support.Json;
import dev.bunsui.toolrun.ToolInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The {@code realtime_ad_optimizer} tool: a transparent feature model scoring each creative in [0,
 * 1], optionally blended with an LLM judge.
 *
 * <p>Model {@value #MODEL}: {@code score = Σ weight_f × feature_f} over {@link Weights#FEATURES}:
 * {@code length_fit} ({@link Features#lengthFit}), {@code readability} ({@link Readability}),
 * {@code call_to_action} ({@link Features#callToAction}), {@code hashtags} ({@link
 * Features#hashtags}), {@code sentiment} ({@link Sentiment}), {@code novelty} ({@link Novelty},
 * against the input's {@code past_posts} and the texts already in the outbox). Weights: {@link
 * Weights}. With {@code judge: true} and an LLM provider, {@code score = (1 − j) × features + j ×
 * judge} with {@code j} = input {@code judge_weight}, default {@value #DEFAULT_JUDGE_WEIGHT}, a
 * judgement call: the feature model stays the larger part because it is explainable. With the
 * offline {@code extractive} provider no judge is asked and the output says so.
 *
 * <p>Input: {@code creatives} (array of objects with {@code text}, or {@code headline}/{@code
 * body}/{@code hashtags}/{@code call_to_action} to compose one; optional {@code id}, {@code
 * channel}), optional {@code past_posts} (strings or objects with {@code text}), {@code weights},
 * {@code judge}, {@code judge_weight}, {@code provider}, {@code model}, {@code channel} (default
 * for creatives without one; else {@code x}).
 *
 * <p>Output: {@code {"scores": [{"creative_id", "score", "feature_score", "breakdown": {feature:
 * value}, "judge"?: {"score", "reason"}, "creative"}], "score": <best score>, "best": <best entry>,
 * "model": "...", "weights": {...}, "judge": {"used", "model"?, "reason"?}}}, scores in input
 * order, numbers rounded to 4 decimals; the best is the first highest score. Deterministic without
 * the judge.
 */
public final class AdOptimizerService {
  /** The feature model's name and version. */
  public static final String MODEL = "bunsui-features-1";

  /** Default share of the LLM judge in the blended score. */
  public static final double DEFAULT_JUDGE_WEIGHT = 0.3;

  private final LlmSettings settings;
  private final ChatProviders providers;
  private final Prompts prompts;
  private final Supplier<List<String>> postedTexts;
  private final Map<String, LlmJudge> judges = new ConcurrentHashMap<>();

  /**
   * Creates the service.
   *
   * @param settings LLM settings for the judge
   * @param providers creates chat providers
   * @param postedTexts the texts already posted (the outbox), read on every call; may return an
   *     empty list
   */
  public AdOptimizerService(
      LlmSettings settings, ChatProviders providers, Supplier<List<String>> postedTexts) {
    this.settings = settings;
    this.providers = providers;
    this.prompts = new Prompts(settings.promptOverrideDir());
    this.postedTexts = postedTexts;
  }

  /**
   * Scores the creatives.
   *
   * @param input the tool input
   * @return the output described above
   * @throws dev.bunsui.toolrun.ToolInputException naming the field for bad input
   * @throws io.temporal.failure.ApplicationFailure {@code LLM_*} from the judge
   */
  public JsonNode score(ToolInput input) {
    JsonNode creatives = input.requiredArray("creatives");
    Map<String, Double> weights = Weights.from(input);
    List<String> past = pastPosts(input);
    past.addAll(postedTexts.get());
    String defaultChannel =
        channel(input, "channel", input.text("channel").orElse(ChannelLimits.X));
    LlmJudge judge = judge(input);
    double judgeWeight = judge == null ? 0 : number(input, "judge_weight", DEFAULT_JUDGE_WEIGHT);

    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode scores = out.putArray("scores");
    ObjectNode best = null;
    for (int i = 0; i < creatives.size(); i++) {
      JsonNode c = creatives.get(i);
      String field = "creatives[" + i + "]";
      if (!c.isObject()) {
        throw input.invalid(field, "must be an object, got " + c.getNodeType());
      }
      String channel = channel(input, field + ".channel", c.path("channel").asText(defaultChannel));
      String text = text(c, channel);
      if (text.isBlank()) {
        throw input.invalid(field, "has no text (nor headline/body to compose one)");
      }
      Map<String, Double> features = new LinkedHashMap<>();
      features.put(Weights.LENGTH_FIT, Features.lengthFit(channel, text));
      features.put(Weights.READABILITY, Readability.score(text));
      features.put(
          Weights.CALL_TO_ACTION,
          Features.callToAction(text, c.path("call_to_action").asText(null)));
      features.put(Weights.HASHTAGS, Features.hashtags(channel, text));
      features.put(Weights.SENTIMENT, Sentiment.score(text));
      features.put(Weights.NOVELTY, Novelty.of(text, past).score());
      double featureScore = 0;
      for (String f : Weights.FEATURES) {
        featureScore += weights.get(f) * features.get(f);
      }
      ObjectNode entry = Json.MAPPER.createObjectNode();
      entry.put("creative_id", c.path("id").asText("c" + (i + 1)));
      double score = featureScore;
      if (judge != null) {
        LlmJudge.Judgement j = judge.judge(channel, text);
        score = (1 - judgeWeight) * featureScore + judgeWeight * j.score();
        entry.putObject("judge").put("score", round(j.score())).put("reason", j.reason());
      }
      entry.put("score", round(score));
      entry.put("feature_score", round(featureScore));
      ObjectNode breakdown = entry.putObject("breakdown");
      features.forEach((k, v) -> breakdown.put(k, round(v)));
      entry.set("creative", c);
      scores.add(entry);
      if (best == null || entry.path("score").asDouble() > best.path("score").asDouble()) {
        best = entry;
      }
    }
    if (best == null) {
      throw input.invalid("creatives", "is empty");
    }
    out.put("score", best.path("score").asDouble());
    out.set("best", best);
    out.put("model", MODEL + (judge == null ? "" : " + judge " + judge.name()));
    ObjectNode w = out.putObject("weights");
    weights.forEach((k, v) -> w.put(k, round(v)));
    ObjectNode j = out.putObject("judge");
    j.put("used", judge != null);
    if (judge != null) {
      j.put("model", judge.name())
          .put("weight", judgeWeight)
          .put("prompt_hash", judge.promptHash());
    } else if (input.bool("judge", false)) {
      j.put("reason", "the provider is extractive (offline): no LLM judge; features only");
    }
    return out;
  }

  private LlmJudge judge(ToolInput input) {
    if (!input.bool("judge", false)) {
      return null;
    }
    String name = input.text("provider").orElse(settings.defaultProvider());
    if (LlmSettings.EXTRACTIVE.equals(name)) {
      return null;
    }
    String model = input.text("model").orElse(null);
    try {
      return judges.computeIfAbsent(
          name + "\u0000" + model,
          k ->
              new LlmJudge(
                  providers.create(name, settings.provider(name).withModel(model)), prompts));
    } catch (PromptException e) {
      throw Failures.of(ErrorCode.LLM_BAD_REQUEST, e.getMessage(), e);
    }
  }

  private static String text(JsonNode c, String channel) {
    String text = c.path("text").asText("");
    if (!text.isBlank()) {
      return text;
    }
    List<String> tags = new ArrayList<>();
    c.path("hashtags").forEach(t -> tags.add(t.asText()));
    return PostText.compose(
        c.path("headline").asText(""),
        c.path("body").asText(""),
        tags,
        c.path("call_to_action").asText(""),
        channel);
  }

  private static List<String> pastPosts(ToolInput input) {
    List<String> past = new ArrayList<>();
    JsonNode p = input.field("past_posts").orElse(null);
    if (p == null) {
      return past;
    }
    if (!p.isArray()) {
      throw input.invalid("past_posts", "must be an array of texts or objects with text");
    }
    for (int i = 0; i < p.size(); i++) {
      JsonNode e = p.get(i);
      String t = e.isTextual() ? e.asText() : e.path("text").asText("");
      if (t.isBlank()) {
        throw input.invalid("past_posts[" + i + "]", "has no text");
      }
      past.add(t);
    }
    return past;
  }

  private static String channel(ToolInput input, String field, String value) {
    String c = ChannelLimits.normalize(value);
    if (c == null) {
      throw input.invalid(field, "is '" + value + "'; use one of " + ChannelLimits.ALL);
    }
    return c;
  }

  private static double number(ToolInput input, String field, double fallback) {
    JsonNode n = input.field(field).orElse(null);
    if (n == null) {
      return fallback;
    }
    if (!n.isNumber() || n.asDouble() < 0 || n.asDouble() > 1) {
      throw input.invalid(field, "must be a number in [0, 1], got " + n);
    }
    return n.asDouble();
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}

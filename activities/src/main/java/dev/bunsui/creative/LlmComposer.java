package dev.bunsui.creative;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.failure.ErrorCode;
import dev.bunsui.generate.PromptPair;
import dev.bunsui.generate.Prompts;
import dev.bunsui.generate.TemplateRenderer;
import dev.bunsui.generate.TextLimits;
import dev.bunsui.llm.ChatAnswer;
import dev.bunsui.llm.ChatProvider;
import dev.bunsui.llm.JsonSchemaSpec;
import dev.bunsui.support.Failures;
import dev.bunsui.support.Json;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Composes creatives with a chat model from the {@code creative} prompt ({@link Prompts}, so {@code
 * bunsui.llm.prompts-dir} can override it). The answer is requested with a strict JSON schema where
 * the provider enforces one and parsed leniently otherwise (text around the JSON is dropped), then
 * validated: at least the requested number of creatives, each with a non-blank headline, body and
 * call to action; hashtags are normalised with {@link TextLimits#hashtag} and those twitter-text
 * would not extract whole are dropped.
 */
public final class LlmComposer {
  /** The prompt folder name. */
  public static final String PROMPT = "creative";

  static final JsonSchemaSpec SCHEMA =
      new JsonSchemaSpec(
          "creatives",
          JsonObjectSchema.builder()
              .addProperty(
                  "creatives",
                  JsonArraySchema.builder()
                      .items(
                          JsonObjectSchema.builder()
                              .addStringProperty("headline")
                              .addStringProperty("body")
                              .addProperty(
                                  "hashtags",
                                  JsonArraySchema.builder()
                                      .items(JsonStringSchema.builder().build())
                                      .build())
                              .addStringProperty("call_to_action")
                              .required("headline", "body", "hashtags", "call_to_action")
                              .additionalProperties(false)
                              .build())
                      .build())
              .required("creatives")
              .additionalProperties(false)
              .build());

  private final ChatProvider provider;
  private final Prompts prompts;

  /**
   * Creates the composer.
   *
   * @param provider the chat model
   * @param prompts the prompt loader
   */
  public LlmComposer(ChatProvider provider, Prompts prompts) {
    this.provider = provider;
    this.prompts = prompts;
  }

  /**
   * The drafts and what the call cost.
   *
   * @param drafts the creatives, in the model's order
   * @param promptHash {@link PromptPair#hash()} of the templates used
   * @param inputTokens prompt tokens
   * @param outputTokens completion tokens
   */
  public record Result(
      List<CreativeDraft> drafts, String promptHash, long inputTokens, long outputTokens) {}

  /** The provider's name. */
  public String provider() {
    return provider.name();
  }

  /** The model's name. */
  public String model() {
    return provider.model();
  }

  /**
   * Asks the model for {@code count} creatives.
   *
   * @param brief the brief
   * @param count how many
   * @param channels the channels they will be posted to
   * @return the first {@code count} creatives of the answer
   * @throws ApplicationFailure {@code LLM_*} from the provider ({@link dev.bunsui.llm.LlmErrors}),
   *     {@code LLM_BAD_OUTPUT} when the answer is unusable
   * @throws dev.bunsui.generate.PromptException when a template is missing or broken
   */
  public Result compose(CampaignBrief brief, int count, List<String> channels) {
    PromptPair pair = prompts.load(PROMPT);
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("count", Integer.toString(count));
    vars.put("lang", brief.lang());
    vars.put("type", orEmpty(brief.type()));
    vars.put("theme", brief.theme());
    vars.put("product", orEmpty(brief.product()));
    vars.put("audience", orEmpty(brief.audience()));
    vars.put("tone", orEmpty(brief.tone()));
    vars.put("call_to_action", orEmpty(brief.callToAction()));
    vars.put("hashtags", String.join(" ", brief.hashtags()));
    vars.put("url", orEmpty(brief.url()));
    vars.put("channels", String.join(", ", channels));
    vars.put("max_post_chars", Integer.toString(TextLimits.X_POST_MAX_WEIGHTED));
    String system = TemplateRenderer.render(pair.system(), vars, PROMPT + "/system.md");
    String user = TemplateRenderer.render(pair.message(), vars, PROMPT + "/message.md");
    ChatAnswer answer = provider.chat(system, user, SCHEMA);
    JsonNode list = parse(answer.text()).path("creatives");
    if (!list.isArray()) {
      throw bad("the answer has no \"creatives\" array");
    }
    List<CreativeDraft> drafts = new ArrayList<>();
    for (int i = 0; i < list.size() && drafts.size() < count; i++) {
      drafts.add(draft(list.get(i), i));
    }
    if (drafts.size() < count) {
      throw bad("asked for " + count + " creatives, got " + drafts.size());
    }
    return new Result(drafts, pair.hash(), answer.inputTokens(), answer.outputTokens());
  }

  private CreativeDraft draft(JsonNode c, int i) {
    String headline = c.path("headline").asText("").strip();
    String body = c.path("body").asText("").strip();
    String cta = c.path("call_to_action").asText("").strip();
    if (headline.isEmpty() || body.isEmpty() || cta.isEmpty()) {
      throw bad("creatives[" + i + "] needs a non-blank headline, body and call_to_action");
    }
    Set<String> tags = new LinkedHashSet<>();
    for (JsonNode t : c.path("hashtags")) {
      String raw = t.asText("").strip();
      String tag = TextLimits.hashtag(raw.startsWith("#") ? raw.substring(1) : raw);
      if (tag != null) {
        tags.add(tag);
      }
    }
    return new CreativeDraft(headline, body, List.copyOf(tags), cta);
  }

  private JsonNode parse(String text) {
    String t = text.strip();
    int start = t.indexOf('{');
    int end = t.lastIndexOf('}');
    if (start < 0 || end < start) {
      throw bad("the answer is not JSON");
    }
    try {
      return Json.MAPPER.readTree(t.substring(start, end + 1));
    } catch (IOException e) {
      throw bad("the answer is not valid JSON: " + e.getMessage());
    }
  }

  private ApplicationFailure bad(String why) {
    return Failures.of(
        ErrorCode.LLM_BAD_OUTPUT, provider.name() + " produced unusable creatives: " + why, null);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}

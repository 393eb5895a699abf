package dev.bunsui.optimizer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.failure.ErrorCode;
import dev.bunsui.generate.PromptPair;
import dev.bunsui.generate.Prompts;
import dev.bunsui.generate.TemplateRenderer;
import dev.bunsui.llm.ChatAnswer;
import dev.bunsui.llm.ChatProvider;
import dev.bunsui.llm.JsonSchemaSpec;
import dev.bunsui.support.Failures;
import dev.bunsui.support.Json;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.util.Map;

/**
 * Asks a chat model to rate one creative in [0, 1] with the {@code optimizer_judge} prompt (a
 * strict JSON schema {@code {"score": number, "reason": string}} where the provider enforces one).
 * A score outside [0, 1] or a missing one is {@code LLM_BAD_OUTPUT}.
 */
public final class LlmJudge {
  /** The prompt folder name. */
  public static final String PROMPT = "optimizer_judge";

  private static final JsonSchemaSpec SCHEMA =
      new JsonSchemaSpec(
          "creative_judgement",
          JsonObjectSchema.builder()
              .addNumberProperty("score", "0 to 1")
              .addStringProperty("reason")
              .required("score", "reason")
              .additionalProperties(false)
              .build());

  private final ChatProvider provider;
  private final Prompts prompts;

  /**
   * Creates the judge.
   *
   * @param provider the chat model
   * @param prompts the prompt loader
   */
  public LlmJudge(ChatProvider provider, Prompts prompts) {
    this.provider = provider;
    this.prompts = prompts;
  }

  /**
   * A judgement.
   *
   * @param score [0, 1]
   * @param reason the model's reason
   * @param inputTokens prompt tokens
   * @param outputTokens completion tokens
   */
  public record Judgement(double score, String reason, long inputTokens, long outputTokens) {}

  /** {@code provider/model}. */
  public String name() {
    return provider.name() + "/" + provider.model();
  }

  /** {@link PromptPair#hash()} of the judge's templates. */
  public String promptHash() {
    return prompts.load(PROMPT).hash();
  }

  /**
   * Rates one post.
   *
   * @param channel the channel it is meant for
   * @param text the post
   * @return the judgement
   * @throws ApplicationFailure {@code LLM_*} from the provider, {@code LLM_BAD_OUTPUT} for an
   *     unusable answer
   */
  public Judgement judge(String channel, String text) {
    PromptPair pair = prompts.load(PROMPT);
    Map<String, String> vars = Map.of("channel", channel, "text", text);
    String system = TemplateRenderer.render(pair.system(), vars, PROMPT + "/system.md");
    String user = TemplateRenderer.render(pair.message(), vars, PROMPT + "/message.md");
    ChatAnswer answer = provider.chat(system, user, SCHEMA);
    String t = answer.text().strip();
    int start = t.indexOf('{');
    int end = t.lastIndexOf('}');
    JsonNode node;
    try {
      node = start < 0 || end < start ? null : Json.MAPPER.readTree(t.substring(start, end + 1));
    } catch (IOException e) {
      node = null;
    }
    if (node == null || !node.path("score").isNumber()) {
      throw bad("no numeric \"score\" in the answer");
    }
    double score = node.path("score").asDouble();
    if (score < 0 || score > 1) {
      throw bad("score " + score + " is outside [0, 1]");
    }
    return new Judgement(
        score, node.path("reason").asText(""), answer.inputTokens(), answer.outputTokens());
  }

  private ApplicationFailure bad(String why) {
    return Failures.of(
        ErrorCode.LLM_BAD_OUTPUT, provider.name() + " judge answer unusable: " + why, null);
  }
}

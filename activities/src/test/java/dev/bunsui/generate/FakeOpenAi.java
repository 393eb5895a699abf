package dev.bunsui.generate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bunsui.llm.ChatProviders;
import dev.bunsui.llm.LlmSettings;
import dev.bunsui.llm.ProviderSettings;
import dev.bunsui.store.ArtifactStore;
import dev.bunsui.support.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Answers of a fake OpenAI chat-completions endpoint served by WireMock. Public for the tool tests
 * in other packages.
 */
public final class FakeOpenAi {
  /** The chat-completions path under the base URL {@code <server>/v1}. */
  public static final String PATH = "/v1/chat/completions";

  private FakeOpenAi() {}

  /**
   * Makes every chat call answer {@code content} with usage 123 prompt and 45 completion tokens.
   */
  public static void answer(WireMockServer wm, String content) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("id", "chatcmpl-1")
        .put("object", "chat.completion")
        .put("created", 1)
        .put("model", "gpt-test");
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    body.putObject("usage")
        .put("prompt_tokens", 123)
        .put("completion_tokens", 45)
        .put("total_tokens", 168);
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body.toString())));
  }

  /**
   * A new generation service whose {@code openai} provider talks to this fake, as a new worker
   * process would have it (nothing remembered in memory).
   *
   * @param promptDir prompt overrides; null for the bundled prompts
   */
  static GenerationService service(WireMockServer wm, ArtifactStore store, Path promptDir) {
    ProviderSettings ps =
        new ProviderSettings(wm.baseUrl() + "/v1", "sk-test", null, Duration.ofSeconds(10), 0.2);
    return new GenerationService(
        store,
        new LlmSettings("extractive", Map.of("openai", ps), promptDir),
        new ChatProviders(name -> null, Clock.systemUTC()));
  }

  /**
   * LLM settings whose {@code openai} provider talks to this fake (key {@code sk-test}), default
   * provider {@code extractive}.
   */
  public static LlmSettings settings(WireMockServer wm) {
    ProviderSettings ps =
        new ProviderSettings(wm.baseUrl() + "/v1", "sk-test", null, Duration.ofSeconds(10), 0.2);
    return new LlmSettings("extractive", Map.of("openai", ps), null);
  }

  /** How many chat calls the server received. */
  public static int calls(WireMockServer wm) {
    return wm.findAll(postRequestedFor(urlEqualTo(PATH))).size();
  }
}

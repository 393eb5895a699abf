package dev.bunsui.llm;

import dev.bunsui.failure.ErrorCode;
import dev.bunsui.support.Failures;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Creates {@link ChatProvider}s by name: {@code openai} (any OpenAI-compatible {@code baseUrl}),
 * {@code anthropic}, {@code ollama}. Every client has its own retries off ({@code maxRetries(0)})
 * and an HTTP client that keeps response headers ({@link HeaderKeepingHttpClientBuilder}).
 */
public final class ChatProviders {
  /** Default model per provider when none is configured. */
  public static final String OPENAI_MODEL = "gpt-4o-mini";

  /** Default Anthropic model. */
  public static final String ANTHROPIC_MODEL = "claude-sonnet-4-5";

  /** Default Ollama model. */
  public static final String OLLAMA_MODEL = "llama3.1";

  private static final int ANTHROPIC_MAX_TOKENS = 4096;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final UnaryOperator<String> env;
  private final Clock clock;

  /**
   * Creates the factory.
   *
   * @param env environment lookup for API keys missing from configuration ({@code System::getenv})
   * @param clock clock for {@code Retry-After} dates
   */
  public ChatProviders(UnaryOperator<String> env, Clock clock) {
    this.env = env;
    this.clock = clock;
  }

  /**
   * Creates a provider.
   *
   * @param name {@code openai}, {@code anthropic} or {@code ollama}
   * @param settings its settings (model already overridden by the run, if it names one)
   * @return the provider
   * @throws ApplicationFailure {@code LLM_AUTH} when a key is required but missing; {@code
   *     LLM_BAD_REQUEST} for an unknown provider name
   */
  public ChatProvider create(String name, ProviderSettings settings) {
    String model;
    ChatModel chatModel;
    boolean jsonSchema;
    switch (name) {
      case "openai" -> {
        model = orDefault(settings.model(), OPENAI_MODEL);
        chatModel =
            OpenAiChatModel.builder()
                .httpClientBuilder(httpClient(settings))
                .baseUrl(settings.baseUrl())
                .apiKey(key(name, settings))
                .modelName(model)
                .temperature(settings.temperature())
                .timeout(settings.timeoutOrDefault())
                .strictJsonSchema(true)
                .maxRetries(0)
                .build();
        jsonSchema = true;
      }
      case "anthropic" -> {
        model = orDefault(settings.model(), ANTHROPIC_MODEL);
        AnthropicChatModel.AnthropicChatModelBuilder b =
            AnthropicChatModel.builder()
                .httpClientBuilder(httpClient(settings))
                .apiKey(key(name, settings))
                .modelName(model)
                .temperature(settings.temperature())
                .maxTokens(ANTHROPIC_MAX_TOKENS)
                .timeout(settings.timeoutOrDefault())
                .maxRetries(0);
        if (settings.baseUrl() != null) {
          b.baseUrl(settings.baseUrl());
        }
        chatModel = b.build();
        jsonSchema = false;
      }
      case "ollama" -> {
        model = orDefault(settings.model(), OLLAMA_MODEL);
        chatModel =
            OllamaChatModel.builder()
                .httpClientBuilder(httpClient(settings))
                .baseUrl(orDefault(settings.baseUrl(), "http://localhost:11434"))
                .modelName(model)
                .temperature(settings.temperature())
                .timeout(settings.timeoutOrDefault())
                .maxRetries(0)
                .build();
        jsonSchema = true;
      }
      default ->
          throw Failures.of(
              ErrorCode.LLM_BAD_REQUEST,
              "unknown LLM provider '"
                  + name
                  + "': use extractive, openai, anthropic or ollama (bunsui.llm.default-provider"
                  + " or the run's --provider)",
              null);
    }
    return new LangChainChatProvider(name, model, chatModel, jsonSchema, clock);
  }

  private String key(String name, ProviderSettings settings) {
    String key = settings.apiKey();
    if (key == null || key.isBlank()) {
      key = env.apply(LlmErrors.envVariable(name));
    }
    if (key == null || key.isBlank()) {
      throw Failures.of(
          ErrorCode.LLM_AUTH,
          LlmErrors.label(name)
              + " needs an API key: set "
              + LlmErrors.envVariable(name)
              + " or bunsui.llm.providers."
              + name
              + ".api-key",
          null);
    }
    return key;
  }

  private static HeaderKeepingHttpClientBuilder httpClient(ProviderSettings settings) {
    return new HeaderKeepingHttpClientBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .readTimeout(settings.timeoutOrDefault());
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}

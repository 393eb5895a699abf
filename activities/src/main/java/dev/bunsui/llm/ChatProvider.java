package dev.bunsui.llm;

import io.temporal.failure.ApplicationFailure;

/** A chat model behind one provider name. Implementations are thread-safe. */
public interface ChatProvider {

  /** Provider name ({@code openai}, {@code anthropic}, {@code ollama}). */
  String name();

  /** Model name sent to the provider. */
  String model();

  /** Whether {@link #chat} enforces a JSON schema on the provider side. */
  boolean supportsJsonSchema();

  /**
   * Sends one system and one user message and returns the answer. The client does not retry;
   * Temporal does.
   *
   * @param system the system prompt
   * @param user the user message
   * @param schemaOrNull schema the answer must follow, or null for free text; providers without
   *     structured outputs ignore it (the prompt asks for JSON instead)
   * @return the answer with token usage
   * @throws ApplicationFailure typed {@code LLM_RATE_LIMIT} (retryable, delayed by {@code
   *     Retry-After}), {@code LLM_UNAVAILABLE} (retryable), {@code LLM_AUTH} or {@code
   *     LLM_BAD_REQUEST} (not retryable)
   */
  ChatAnswer chat(String system, String user, JsonSchemaSpec schemaOrNull);
}

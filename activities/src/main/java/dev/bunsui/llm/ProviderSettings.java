package dev.bunsui.llm;

import java.time.Duration;

/**
 * Connection settings of one LLM provider, bound from {@code bunsui.llm.providers.<name>.*}.
 *
 * @param baseUrl endpoint root, for example {@code https://api.openai.com/v1} or any
 *     OpenAI-compatible server; null for the provider's default
 * @param apiKey secret key from configuration or the environment; never logged ({@link #toString()}
 *     redacts it); null when the provider needs none
 * @param model model name; null for the provider's default
 * @param timeout per-call timeout; null for 120 seconds
 * @param temperature sampling temperature; null for the provider's default
 */
public record ProviderSettings(
    String baseUrl, String apiKey, String model, Duration timeout, Double temperature) {

  /** Default per-call timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

  /** Settings with every field at its default. */
  public static ProviderSettings defaults() {
    return new ProviderSettings(null, null, null, null, null);
  }

  /** The timeout, or {@link #DEFAULT_TIMEOUT} when unset. */
  public Duration timeoutOrDefault() {
    return timeout == null ? DEFAULT_TIMEOUT : timeout;
  }

  /** A copy with another model (null keeps this one). */
  public ProviderSettings withModel(String otherModel) {
    return otherModel == null
        ? this
        : new ProviderSettings(baseUrl, apiKey, otherModel, timeout, temperature);
  }

  /** A copy with another API key. */
  public ProviderSettings withApiKey(String otherKey) {
    return new ProviderSettings(baseUrl, otherKey, model, timeout, temperature);
  }

  /** Shows every field but the API key, which appears as {@code ***} (or {@code null}). */
  @Override
  public String toString() {
    return "ProviderSettings[baseUrl="
        + baseUrl
        + ", apiKey="
        + (apiKey == null ? "null" : "***")
        + ", model="
        + model
        + ", timeout="
        + timeout
        + ", temperature="
        + temperature
        + "]";
  }
}

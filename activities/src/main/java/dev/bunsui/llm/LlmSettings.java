package dev.bunsui.llm;

import java.nio.file.Path;
import java.util.Map;

/**
 * LLM configuration of the worker, bound from {@code bunsui.llm.*}.
 *
 * @param defaultProvider provider used when a run names none ({@code extractive}, {@code openai},
 *     {@code anthropic}, {@code ollama}); null means {@code extractive}
 * @param providers settings per provider name; missing entries use defaults
 * @param promptOverrideDir folder whose {@code <kind>/system.md} and {@code <kind>/message.md}
 *     files replace the bundled prompts file by file; null for none
 */
public record LlmSettings(
    String defaultProvider, Map<String, ProviderSettings> providers, Path promptOverrideDir) {

  /** Name of the provider that needs no key and no network. */
  public static final String EXTRACTIVE = "extractive";

  /** Normalises nulls: default provider {@code extractive}, no providers. */
  public LlmSettings {
    defaultProvider =
        defaultProvider == null || defaultProvider.isBlank() ? EXTRACTIVE : defaultProvider;
    providers = providers == null ? Map.of() : Map.copyOf(providers);
  }

  /** Settings with the extractive provider only and the bundled prompts. */
  public static LlmSettings defaults() {
    return new LlmSettings(EXTRACTIVE, Map.of(), null);
  }

  /** The settings of a provider, or all-default settings when it is not configured. */
  public ProviderSettings provider(String name) {
    return providers.getOrDefault(name, ProviderSettings.defaults());
  }
}

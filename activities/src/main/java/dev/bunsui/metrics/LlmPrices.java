package dev.bunsui.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Prices per provider and model ({@code bunsui.llm.prices.<provider>.<model>.input|output} in the
 * worker's configuration), used to estimate the cost of LLM requests. Models without a price have
 * no cost metric. Immutable.
 */
public final class LlmPrices {
  /** No prices: no cost is estimated. */
  public static final LlmPrices NONE = new LlmPrices(Map.of());

  private final Map<String, Map<String, Price>> prices;

  /**
   * Creates the table.
   *
   * @param prices provider name → model name → price; null for none
   * @throws IllegalArgumentException naming {@code bunsui.llm.prices.<provider>.<model>} when a
   *     provider or model name is blank or a price is missing
   */
  public LlmPrices(Map<String, Map<String, Price>> prices) {
    Map<String, Map<String, Price>> copy = new LinkedHashMap<>();
    if (prices != null) {
      prices.forEach(
          (provider, models) -> {
            if (provider == null || provider.isBlank()) {
              throw new IllegalArgumentException("bunsui.llm.prices: a provider name is blank");
            }
            Map<String, Price> m = new LinkedHashMap<>();
            if (models != null) {
              models.forEach(
                  (model, price) -> {
                    String key = "bunsui.llm.prices." + provider + "." + model;
                    if (model == null || model.isBlank()) {
                      throw new IllegalArgumentException(
                          "bunsui.llm.prices." + provider + ": a model name is blank");
                    }
                    if (price == null) {
                      throw new IllegalArgumentException(
                          key + ": needs input and output (dollars per million tokens)");
                    }
                    m.put(model, price);
                  });
            }
            copy.put(provider, Map.copyOf(m));
          });
    }
    this.prices = Map.copyOf(copy);
  }

  /**
   * The price of a model.
   *
   * @param provider provider name
   * @param model model name
   * @return its price, or empty when none is configured
   */
  public Optional<Price> price(String provider, String model) {
    Map<String, Price> models = prices.get(provider);
    return models == null ? Optional.empty() : Optional.ofNullable(models.get(model));
  }
}

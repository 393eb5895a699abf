package dev.bunsui.worker.metrics;

import dev.bunsui.metrics.LlmPrices;
import dev.bunsui.metrics.Price;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * LLM prices for the cost metric: {@code bunsui.llm.prices.<provider>.<model>.input} and {@code
 * .output}, in US dollars per million tokens (as the providers list them). A model name with dots
 * needs brackets in properties ({@code bunsui.llm.prices.openai.[gpt-4.1].input=2.0}) and quotes in
 * YAML ({@code "[gpt-4.1]":}). Models without a price get no cost metric.
 *
 * @param prices provider name → model name → price; null for none
 */
@ConfigurationProperties("bunsui.llm")
public record LlmPriceProperties(Map<String, Map<String, Price>> prices) {

  /** The prices as the metrics use them. */
  public LlmPrices toPrices() {
    return new LlmPrices(prices);
  }
}

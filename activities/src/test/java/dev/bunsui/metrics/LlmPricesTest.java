package dev.bunsui.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prices per million tokens, and the metrics that use them. */
class LlmPricesTest {
  @Test
  void costIsTokensTimesPricePerMillion() {
    LlmPrices prices =
        new LlmPrices(Map.of("anthropic", Map.of("claude-sonnet-4-5", new Price(3.0, 15.0))));
    Price p = prices.price("anthropic", "claude-sonnet-4-5").orElseThrow();
    // 1,000 input tokens at $3/M plus 2,000 output tokens at $15/M
    assertThat(p.cost(1_000, 2_000)).isCloseTo(0.033, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(prices.price("anthropic", "other")).isEmpty();
    assertThat(prices.price("openai", "claude-sonnet-4-5")).isEmpty();
  }

  @Test
  void badPricesNameTheirKey() {
    assertThatThrownBy(() -> new Price(-1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("input price");
    Map<String, Price> models = new HashMap<>();
    models.put("gpt-4o-mini", null);
    assertThatThrownBy(() -> new LlmPrices(Map.of("openai", models)))
        .hasMessageContaining("bunsui.llm.prices.openai.gpt-4o-mini");
  }

  @Test
  void unpricedModelsHaveNoCostMeterButCountRequestsAndTokens() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Metrics metrics = new MicrometerMetrics(registry, LlmPrices.NONE);
    metrics.llmRequest("ollama", "llama3.1", Metrics.SUCCESS, 10, 20, Duration.ofMillis(5));
    assertThat(registry.find(MetricNames.LLM_COST).counter()).isNull();
    assertThat(registry.get(MetricNames.LLM_REQUESTS).counter().count()).isEqualTo(1.0);
    assertThat(registry.get(MetricNames.LLM_TOKENS).tag("direction", "output").counter().count())
        .isEqualTo(20.0);
  }

  @Test
  void postsAndStepsAreTaggedByOutcome() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Metrics metrics = new MicrometerMetrics(registry, LlmPrices.NONE);
    metrics.post("x", "posted");
    metrics.post("x", "POST_REJECTED");
    metrics.step("GenerateArticle", null, Duration.ofMillis(30));
    metrics.step("ConvertFigure", "FIGURE_RENDER", Duration.ofMillis(10));
    assertThat(
            registry
                .get(MetricNames.POSTS)
                .tags("channel", "x", "outcome", "posted")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(registry.get(MetricNames.POSTS).tag("outcome", "POST_REJECTED").counter().count())
        .isEqualTo(1.0);
    assertThat(
            registry
                .get(MetricNames.STEP_DURATION)
                .tags(
                    "activity_type", "GenerateArticle", "outcome", "success", "error_code", "none")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(MetricNames.STEP_DURATION)
                .tags("activity_type", "ConvertFigure", "outcome", "failure")
                .tag("error_code", "FIGURE_RENDER")
                .timer()
                .count())
        .isEqualTo(1);
  }
}

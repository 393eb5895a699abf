package dev.bunsui.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Metrics} recorded in a Micrometer {@link MeterRegistry} under the names of {@link
 * MetricNames}. Cost is estimated from {@link LlmPrices} for priced models only. A failure of the
 * registry is logged at DEBUG and swallowed. Thread-safe.
 */
public final class MicrometerMetrics implements Metrics {
  private static final Logger log = LoggerFactory.getLogger(MicrometerMetrics.class);

  private final MeterRegistry registry;
  private final LlmPrices prices;

  /**
   * Creates the metrics.
   *
   * @param registry where meters are registered
   * @param prices LLM prices for the cost estimate
   */
  public MicrometerMetrics(MeterRegistry registry, LlmPrices prices) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.prices = Objects.requireNonNull(prices, "prices");
  }

  @Override
  public void llmRequest(
      String provider,
      String model,
      String outcome,
      long inputTokens,
      long outputTokens,
      Duration elapsed) {
    safely(
        () -> {
          String p = tag(provider);
          String m = tag(model);
          String o = tag(outcome);
          Counter.builder(MetricNames.LLM_REQUESTS)
              .description("Requests to text generators")
              .tags("provider", p, "model", m, "outcome", o)
              .register(registry)
              .increment();
          Timer.builder(MetricNames.LLM_REQUEST_DURATION)
              .description("Wall time of requests to text generators")
              .tags("provider", p, "model", m, "outcome", o)
              .publishPercentileHistogram()
              .register(registry)
              .record(elapsed);
          tokens(p, m, "input", inputTokens);
          tokens(p, m, "output", outputTokens);
          Optional<Price> price = prices.price(provider, model);
          price.ifPresent(
              pr ->
                  Counter.builder(MetricNames.LLM_COST)
                      .description("Estimated LLM cost in US dollars from bunsui.llm.prices")
                      .tags("provider", p, "model", m)
                      .register(registry)
                      .increment(pr.cost(inputTokens, outputTokens)));
        });
  }

  private void tokens(String provider, String model, String direction, long count) {
    Counter.builder(MetricNames.LLM_TOKENS)
        .description("LLM tokens (input: prompt, output: completion)")
        .baseUnit("tokens")
        .tags("provider", provider, "model", model, "direction", direction)
        .register(registry)
        .increment(Math.max(0, count));
  }

  @Override
  public void stepCacheLookup(String step, boolean hit) {
    safely(
        () ->
            Counter.builder(MetricNames.STEP_CACHE_LOOKUPS)
                .description("Step cache lookups")
                .tags("step", tag(step), "result", hit ? "hit" : "miss")
                .register(registry)
                .increment());
  }

  @Override
  public void figureConverted(String type, String outcome, Duration elapsed) {
    safely(
        () -> {
          Counter.builder(MetricNames.FIGURES_CONVERTED)
              .description("Figure conversions (renders, not cache hits)")
              .tags("type", tag(type), "outcome", tag(outcome))
              .register(registry)
              .increment();
          Timer.builder(MetricNames.FIGURE_RENDER_DURATION)
              .description("Wall time of figure renders")
              .tags("type", tag(type), "outcome", tag(outcome))
              .register(registry)
              .record(elapsed);
        });
  }

  @Override
  public void post(String channel, String outcome) {
    safely(
        () ->
            Counter.builder(MetricNames.POSTS)
                .description("Post attempts per channel and outcome")
                .tags("channel", tag(channel), "outcome", tag(outcome))
                .register(registry)
                .increment());
  }

  @Override
  public void step(String activityType, String errorCode, Duration elapsed) {
    safely(
        () ->
            Timer.builder(MetricNames.STEP_DURATION)
                .description("Wall time of activity executions (one per attempt)")
                .tags(
                    "activity_type",
                    tag(activityType),
                    "outcome",
                    errorCode == null ? SUCCESS : "failure",
                    "error_code",
                    errorCode == null ? "none" : tag(errorCode))
                .publishPercentileHistogram()
                .register(registry)
                .record(elapsed));
  }

  private static String tag(String value) {
    return value == null || value.isBlank() ? "unknown" : value;
  }

  private static void safely(Runnable record) {
    try {
      record.run();
    } catch (RuntimeException e) {
      log.debug("metric not recorded: {}", e.toString());
    }
  }
}

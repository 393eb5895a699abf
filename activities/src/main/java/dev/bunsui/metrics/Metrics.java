package dev.bunsui.metrics;

import java.time.Duration;

/**
 * The project's own measurements, as the services and activities report them. Every method is a
 * no-op by default ({@link #NOOP}); the worker passes a {@link MicrometerMetrics} that records them
 * in its Micrometer registry, which it serves to Prometheus. Implementations are thread-safe and
 * never throw: measuring must not fail a step.
 *
 * <p>The metric each method feeds is named in {@link MetricNames} (with its Prometheus name). Tag
 * values must come from a small set (provider and model names from configuration, activity types,
 * figure types, channel names, {@code ErrorCode} names): every distinct value is a new time series.
 */
public interface Metrics {
  /** Measures nothing: the default of every service that is given no metrics. */
  Metrics NOOP = new Metrics() {};

  /** The outcome tag value of a call that succeeded. */
  String SUCCESS = "success";

  /**
   * One request to a text generator (an LLM provider, or the offline {@code extractive} one).
   *
   * @param provider provider name ({@code openai}, {@code anthropic}, {@code ollama}, {@code
   *     extractive})
   * @param model the model the provider resolved to
   * @param outcome {@link #SUCCESS}, or the {@code ErrorCode} name the request failed with ({@code
   *     LLM_RATE_LIMIT} …)
   * @param inputTokens prompt tokens as reported (estimated for {@code extractive}); 0 on failure
   * @param outputTokens completion tokens as reported (estimated for {@code extractive}); 0 on
   *     failure
   * @param elapsed wall time of the request
   */
  default void llmRequest(
      String provider,
      String model,
      String outcome,
      long inputTokens,
      long outputTokens,
      Duration elapsed) {}

  /**
   * One step cache lookup.
   *
   * @param step the step ({@code analysis}, {@code article} …, {@code figure}, {@code thumbnail})
   * @param hit true when a stored result was reused
   */
  default void stepCacheLookup(String step, boolean hit) {}

  /**
   * One figure conversion (a render, not a step cache hit).
   *
   * @param type figure type in lower case ({@code svg}, {@code mermaid}, {@code plantuml}, {@code
   *     raster})
   * @param outcome {@link #SUCCESS}, or the {@code ErrorCode} name ({@code FIGURE_RENDER}, {@code
   *     INPUT_INVALID})
   * @param elapsed wall time of the render
   */
  default void figureConverted(String type, String outcome, Duration elapsed) {}

  /**
   * One attempt to publish a post on a channel (for the posting tool, {@code dev.bunsui.posting}).
   *
   * @param channel channel name ({@code x}, {@code youtube} …)
   * @param outcome {@code posted} (published now), {@code already_posted} (the idempotency key was
   *     confirmed before, nothing sent), {@code dry_run} (nothing sent on purpose), or the {@code
   *     ErrorCode} name the attempt failed with ({@code POST_REJECTED} …)
   */
  default void post(String channel, String outcome) {}

  /**
   * One activity execution (one attempt) on this worker.
   *
   * @param activityType the activity type ({@code GenerateArticle}, {@code ConvertFigure} …)
   * @param errorCode null when the attempt succeeded; else the failure's type (an {@code ErrorCode}
   *     name for this project's activities)
   * @param elapsed wall time of the attempt
   */
  default void step(String activityType, String errorCode, Duration elapsed) {}
}

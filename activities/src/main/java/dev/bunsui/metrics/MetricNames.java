package dev.bunsui.metrics;

/**
 * The names of bunsui's own metrics, in Micrometer's dotted form; the Prometheus name (as served at
 * {@code /actuator/prometheus}) follows each. Timers publish histogram buckets ({@code
 * _seconds_bucket}) for latency quantiles, plus {@code _seconds_count}, {@code _seconds_sum} and
 * {@code _seconds_max}.
 */
public final class MetricNames {
  private MetricNames() {}

  /**
   * LLM requests; tags {@code provider, model, outcome}. Prometheus {@code
   * bunsui_llm_requests_total}.
   */
  public static final String LLM_REQUESTS = "bunsui.llm.requests";

  /**
   * LLM request wall time (timer); tags {@code provider, model, outcome}. Prometheus {@code
   * bunsui_llm_request_duration_seconds_*}.
   */
  public static final String LLM_REQUEST_DURATION = "bunsui.llm.request.duration";

  /**
   * Tokens; tags {@code provider, model, direction} ({@code input} or {@code output}). Prometheus
   * {@code bunsui_llm_tokens_total}.
   */
  public static final String LLM_TOKENS = "bunsui.llm.tokens";

  /**
   * Estimated cost in US dollars from the configured prices per million tokens; tags {@code
   * provider, model}; only for provider/model pairs with a price. Prometheus {@code
   * bunsui_llm_cost_usd_total}.
   */
  public static final String LLM_COST = "bunsui.llm.cost.usd";

  /**
   * Activity execution wall time per attempt (timer); tags {@code activity_type}, {@code outcome}
   * ({@code success} or {@code failure}) and {@code error_code} ({@code none} or the failure type).
   * Prometheus {@code bunsui_step_duration_seconds_*}.
   */
  public static final String STEP_DURATION = "bunsui.step.duration";

  /**
   * Step cache lookups; tags {@code step}, {@code result} ({@code hit} or {@code miss}). Prometheus
   * {@code bunsui_step_cache_lookups_total}.
   */
  public static final String STEP_CACHE_LOOKUPS = "bunsui.step.cache.lookups";

  /**
   * Figure conversions (renders); tags {@code type, outcome}. Prometheus {@code
   * bunsui_figures_converted_total}.
   */
  public static final String FIGURES_CONVERTED = "bunsui.figures.converted";

  /**
   * Figure render wall time (timer); tags {@code type, outcome}. Prometheus {@code
   * bunsui_figure_render_duration_seconds_*}.
   */
  public static final String FIGURE_RENDER_DURATION = "bunsui.figure.render.duration";

  /** Post attempts; tags {@code channel, outcome}. Prometheus {@code bunsui_posts_total}. */
  public static final String POSTS = "bunsui.posts";
}

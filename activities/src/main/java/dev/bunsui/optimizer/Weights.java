package dev.bunsui.optimizer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.toolrun.ToolInput;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights of the feature model. Defaults (sum 1): {@code length_fit} 0.25, {@code novelty}
 * 0.25, {@code readability} 0.15, {@code call_to_action} 0.15, {@code hashtags} 0.10, {@code
 * sentiment} 0.10 — length and novelty weigh most because an over-long post cannot be posted and a
 * repeated one adds nothing; the split is a judgement call, documented so it can be changed. The
 * input's {@code weights} object replaces the defaults it names; the result is divided by its sum
 * so the score stays in [0, 1].
 */
public final class Weights {
  /** Length fit to the channel. */
  public static final String LENGTH_FIT = "length_fit";

  /** Readability. */
  public static final String READABILITY = "readability";

  /** Call to action present. */
  public static final String CALL_TO_ACTION = "call_to_action";

  /** Hashtag count. */
  public static final String HASHTAGS = "hashtags";

  /** Sentiment. */
  public static final String SENTIMENT = "sentiment";

  /** Novelty against past posts. */
  public static final String NOVELTY = "novelty";

  /** Feature names in breakdown order. */
  public static final List<String> FEATURES =
      List.of(LENGTH_FIT, READABILITY, CALL_TO_ACTION, HASHTAGS, SENTIMENT, NOVELTY);

  /** The default weights, summing to 1. */
  public static final Map<String, Double> DEFAULTS =
      Map.of(
          LENGTH_FIT, 0.25,
          READABILITY, 0.15,
          CALL_TO_ACTION, 0.15,
          HASHTAGS, 0.10,
          SENTIMENT, 0.10,
          NOVELTY, 0.25);

  private Weights() {}

  /**
   * The weights for a call: the defaults with the input's {@code weights} applied, normalised to
   * sum 1, in {@link #FEATURES} order.
   *
   * @param input the tool input
   * @return feature name → weight
   * @throws dev.bunsui.toolrun.ToolInputException for an unknown feature, a negative or non-number
   *     weight, or weights summing to 0
   */
  public static Map<String, Double> from(ToolInput input) {
    Map<String, Double> w = new LinkedHashMap<>();
    FEATURES.forEach(f -> w.put(f, DEFAULTS.get(f)));
    JsonNode given = input.field("weights").orElse(null);
    if (given != null) {
      if (!given.isObject()) {
        throw input.invalid("weights", "must be an object of feature: weight");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!w.containsKey(e.getKey())) {
          throw input.invalid("weights." + e.getKey(), "is not a feature; use one of " + FEATURES);
        }
        if (!e.getValue().isNumber() || e.getValue().asDouble() < 0) {
          throw input.invalid(
              "weights." + e.getKey(), "must be a number >= 0, got " + e.getValue());
        }
        w.put(e.getKey(), e.getValue().asDouble());
      }
    }
    double sum = w.values().stream().mapToDouble(Double::doubleValue).sum();
    if (sum <= 0) {
      throw input.invalid("weights", "sum to 0; at least one weight must be positive");
    }
    w.replaceAll((k, v) -> v / sum);
    return w;
  }
}

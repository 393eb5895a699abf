package dev.bunsui.tool;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The {@code realtime_ad_optimizer} tool. */
@ActivityInterface
public interface AdOptimizerActivities {

  /**
   * Scores each creative in [0, 1] with a transparent feature model, optionally blended with an LLM
   * judge.
   *
   * <p>Input: {@code creatives} (as {@code ai_creative_studio} outputs them, or any objects with
   * {@code text}), optional {@code past_posts} (texts or objects with {@code text}), {@code judge}
   * (default false), {@code judge_weight} (default 0.3), {@code weights} (feature → weight, merged
   * with the defaults and normalised to sum 1), {@code provider}, {@code model}, {@code channel}.
   * Features, each in [0, 1]: {@code length_fit}, {@code readability}, {@code call_to_action},
   * {@code hashtags}, {@code sentiment}, {@code novelty} (against {@code past_posts} and the
   * outbox). Output: {@code {"scores": [{"creative_id", "score", "feature_score", "breakdown":
   * {feature: value}, "judge"?: {"score", "reason"}, "creative": {...}}], "score": <best score>,
   * "best": {...}, "model": "<model name and version>", "weights": {...}, "judge": {"used", ...}}},
   * scores in input order. Without the judge the result is deterministic.
   *
   * @param request the step's request
   * @return the scores
   */
  @ActivityMethod(name = Tools.REALTIME_AD_OPTIMIZER)
  ToolResult scoreCreatives(ToolRequest request);
}

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
   * <p>Input: {@code creatives} (as {@code ai_creative_studio} outputs them), optional {@code
   * past_posts}, {@code judge}, {@code weights}. Output: {@code {"scores": [{"creative_id",
   * "score", "breakdown": {feature: value}, "creative": {...}}], "score": <best score>, "best":
   * {...}, "model": "<model name and version>"}}, scores in input order.
   *
   * @param request the step's request
   * @return the scores
   */
  @ActivityMethod(name = Tools.REALTIME_AD_OPTIMIZER)
  ToolResult scoreCreatives(ToolRequest request);
}

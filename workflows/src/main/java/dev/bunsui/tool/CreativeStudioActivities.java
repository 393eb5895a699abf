package dev.bunsui.tool;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The {@code ai_creative_studio} tool. */
@ActivityInterface
public interface CreativeStudioActivities {

  /**
   * Generates creative variants from a campaign brief with the configured LLM provider, plus an
   * image per creative.
   *
   * <p>Input: {@code brief} (object with {@code theme} or {@code product}, optional {@code type},
   * {@code audience}, {@code tone}, {@code lang}, {@code call_to_action}, {@code hashtags}, {@code
   * url}; or a text taken as the theme), optional {@code variants} (1–10, default 3), {@code
   * channels} (default {@code ["x"]}; variant {@code i} goes to channel {@code i mod n}), {@code
   * lang}, {@code provider}, {@code model}, {@code images} (default true). Output: {@code
   * {"creatives": [{"id", "headline", "body", "hashtags": [], "call_to_action", "channel", "lang",
   * "text", "image": {"uri", "sha256", "media_type", "width", "height"}}], "provenance":
   * {"provider", "model", "prompt_hash", "input_hash", "input_tokens", "output_tokens", "note"?}}}.
   * {@code text} is ready to post and fits the channel (X: 280 weighted characters as twitter-text
   * counts them). With the offline {@code extractive} provider the creatives come from fixed
   * templates and the provenance says provider {@code template}.
   *
   * <p>Failures: {@code INPUT_INVALID} naming the field; {@code LLM_*} from the provider ({@code
   * LLM_BAD_OUTPUT} when its answer is unusable).
   *
   * @param request the step's request
   * @return the creatives
   */
  @ActivityMethod(name = Tools.AI_CREATIVE_STUDIO)
  ToolResult createCreatives(ToolRequest request);
}

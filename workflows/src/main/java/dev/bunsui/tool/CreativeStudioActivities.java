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
   * <p>Input: {@code brief} (object or text), optional {@code variants} (default 3), {@code
   * channels}, {@code lang}, {@code provider}, {@code model}, {@code images} (default true).
   * Output: {@code {"creatives": [{"id", "headline", "body", "hashtags": [], "call_to_action",
   * "channel", "text", "image": {"uri", "sha256", "media_type"}}], "provenance": {...}}}.
   *
   * @param request the step's request
   * @return the creatives
   */
  @ActivityMethod(name = Tools.AI_CREATIVE_STUDIO)
  ToolResult createCreatives(ToolRequest request);
}

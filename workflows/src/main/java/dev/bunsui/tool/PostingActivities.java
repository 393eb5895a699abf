package dev.bunsui.tool;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The {@code auto_posting} tool: one post to one channel, at most once. */
@ActivityInterface
public interface PostingActivities {

  /**
   * Posts once. The idempotency key is sha256(workflow id, step id, item, channel, content hash); a
   * pending record is written before the channel is called and a confirmed record after, so a retry
   * after an unknown outcome never posts twice.
   *
   * <p>Input: {@code post} (object with {@code text} or {@code headline}/{@code body}/{@code
   * hashtags}/{@code call_to_action}), {@code channel} ({@code outbox}, {@code webhook}, {@code
   * slack}, {@code x}, {@code github}), optional {@code options}. Output: {@code {"channel",
   * "status": "posted"|"already_posted", "post_id", "url", "idempotency_key", "posted_at"}}.
   * Failures: {@code POST_REJECTED} (not retried) when the channel refuses the post.
   *
   * @param request the step's request
   * @return the confirmed post
   */
  @ActivityMethod(name = Tools.AUTO_POSTING)
  ToolResult post(ToolRequest request);
}

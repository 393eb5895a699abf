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
   * <p>Input: {@code post} (a text, or an object with {@code text} or {@code headline}/{@code
   * body}/{@code hashtags}/{@code call_to_action}), {@code channel} ({@code outbox} (default),
   * {@code webhook}, {@code slack}, {@code x}, {@code github}), optional {@code options} (GitHub:
   * {@code path}, {@code title}). Output: {@code {"channel", "status": "posted"|"already_posted",
   * "post_id", "url", "idempotency_key", "posted_at"}}. The ledger lives in the artifact store as
   * {@code posts/<idempotency key>.json}. A pending record (earlier attempt cut off) makes the tool
   * ask the channel first (X: the user's recent posts; GitHub: the pull request of the key's
   * branch; outbox: the file).
   *
   * <p>Failures: {@code POST_REJECTED} (not retried) when the channel refuses the post or is not
   * configured; {@code POST_UNAVAILABLE} (retried, after {@code Retry-After}) when it is throttled
   * or unreachable; {@code POST_OUTCOME_UNKNOWN} (not retried) when an earlier attempt's outcome is
   * unknown and the channel cannot be asked (Slack, a plain webhook); {@code INPUT_INVALID}.
   *
   * @param request the step's request
   * @return the confirmed post
   */
  @ActivityMethod(name = Tools.AUTO_POSTING)
  ToolResult post(ToolRequest request);
}

package dev.bunsui.posting;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The ledger entry of one post, stored as {@code posts/<idempotency key>.json}.
 *
 * @param idempotencyKey the key
 * @param channel the channel
 * @param state {@value #PENDING} (written before the channel is called), {@value #CONFIRMED}
 *     (written after it answered with the post) or {@value #FAILED} (the channel certainly did not
 *     post; the next attempt starts afresh)
 * @param contentHash {@link PostContent#hash()}
 * @param workflowId the pipeline run
 * @param stepId the step
 * @param item the {@code for_each} item, or null
 * @param attempt the activity attempt that wrote the entry
 * @param updatedAt when the entry was written
 * @param postId the channel's post id once confirmed
 * @param url the post's URL once confirmed
 * @param postedAt when it was posted, once confirmed
 * @param error why the attempt failed, for {@value #FAILED}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostRecord(
    @JsonProperty("idempotency_key") String idempotencyKey,
    String channel,
    String state,
    @JsonProperty("content_hash") String contentHash,
    @JsonProperty("workflow_id") String workflowId,
    @JsonProperty("step_id") String stepId,
    Integer item,
    int attempt,
    @JsonProperty("updated_at") Instant updatedAt,
    @JsonProperty("post_id") String postId,
    String url,
    @JsonProperty("posted_at") Instant postedAt,
    String error) {
  /** Written before the channel is called. */
  public static final String PENDING = "pending";

  /** Written after the channel answered with the post. */
  public static final String CONFIRMED = "confirmed";

  /** The channel certainly did not post. */
  public static final String FAILED = "failed";

  /** The confirmed post. */
  public Posted posted() {
    return new Posted(postId, url, postedAt);
  }
}

package dev.bunsui.posting;

import dev.bunsui.support.Hashes;

/**
 * The idempotency key of a post: the lowercase hex SHA-256 of {@code workflowId, stepId, item,
 * channel, contentHash} joined with NUL characters ({@code -} for a missing item). The workflow id
 * is stable across retries, resets and continue-as-new, so every attempt of the same post to the
 * same channel gets the same key, and any change to the text gives a new one.
 */
public final class IdempotencyKey {
  private IdempotencyKey() {}

  /**
   * Computes the key.
   *
   * @param workflowId the pipeline run's workflow id
   * @param stepId the step id
   * @param item the {@code for_each} item index, or null
   * @param channel the channel name
   * @param contentHash {@link PostContent#hash()}
   * @return 64 hex characters
   */
  public static String of(
      String workflowId, String stepId, Integer item, String channel, String contentHash) {
    return Hashes.sha256(
        String.join(
            "\u0000",
            String.valueOf(workflowId),
            String.valueOf(stepId),
            item == null ? "-" : item.toString(),
            channel,
            contentHash));
  }
}

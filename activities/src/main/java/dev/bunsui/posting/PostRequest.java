package dev.bunsui.posting;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One post handed to a channel.
 *
 * @param key the idempotency key ({@link IdempotencyKey})
 * @param content what to post
 * @param workflowId the pipeline run
 * @param stepId the step
 * @param item the {@code for_each} item, or null
 * @param options the step's {@code options} object (never null; channel-specific keys)
 */
public record PostRequest(
    String key,
    PostContent content,
    String workflowId,
    String stepId,
    Integer item,
    JsonNode options) {}

package dev.bunsui.posting;

import java.time.Instant;

/**
 * A post as the channel knows it.
 *
 * @param postId the channel's id (X post id, pull request number, outbox line key …); may be null
 *     when the channel gives none (Slack incoming webhooks)
 * @param url where to see it; may be null
 * @param postedAt when it was posted (the channel's time when it says, else the worker's)
 */
public record Posted(String postId, String url, Instant postedAt) {}

package dev.bunsui.posting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bunsui.creative.ChannelLimits;
import dev.bunsui.support.Json;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code webhook} channel: POSTs {@code {"idempotency_key", "channel": "webhook", "text",
 * "title"?, "workflow_id", "step_id", "item"?, "post"}} as JSON to the configured URL with the
 * header {@code Idempotency-Key: <key>} (the IETF draft "The Idempotency-Key HTTP Header Field").
 * The answer may carry {@code id} and {@code url}, taken as the post id and URL.
 *
 * <p>A plain webhook cannot be asked whether an earlier attempt arrived: a pending post fails with
 * {@code POST_OUTCOME_UNKNOWN}, unless {@code bunsui.channels.webhook.honours-idempotency-key} says
 * the receiver deduplicates on the header, in which case it is sent again with the same key.
 */
public final class WebhookChannel implements Channel {
  private final ChannelSettings.Webhook settings;
  private final ChannelHttp http;
  private final Clock clock;

  /**
   * Creates the channel.
   *
   * @param settings URL and deduplication flag
   * @param http the HTTP helper
   * @param clock stamps the post time
   */
  public WebhookChannel(ChannelSettings.Webhook settings, ChannelHttp http, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
  }

  @Override
  public String name() {
    return ChannelLimits.WEBHOOK;
  }

  @Override
  public Optional<String> missingConfiguration() {
    return settings.url() == null || settings.url().isBlank()
        ? Optional.of("set BUNSUI_WEBHOOK_URL (bunsui.channels.webhook.url)")
        : Optional.empty();
  }

  @Override
  public Posted publish(PostRequest request) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("idempotency_key", request.key());
    body.put("channel", name());
    body.put("text", request.content().text());
    if (request.content().title() != null) {
      body.put("title", request.content().title());
    }
    body.put("workflow_id", request.workflowId());
    body.put("step_id", request.stepId());
    if (request.item() != null) {
      body.put("item", request.item());
    }
    body.set("post", request.content().post());
    ChannelHttp.Answer a =
        http.send(
            name(),
            "POST (webhook)",
            "POST",
            settings.url(),
            Map.of("Idempotency-Key", request.key()),
            body);
    JsonNode json = a.json();
    return new Posted(text(json, "id"), text(json, "url"), clock.instant());
  }

  @Override
  public boolean canLookup() {
    return false;
  }

  @Override
  public boolean resendsSafely() {
    return settings.honoursIdempotencyKey();
  }

  @Override
  public Optional<Posted> find(PostRequest request) {
    throw new UnsupportedOperationException("a webhook cannot be asked for earlier posts");
  }

  private static String text(JsonNode json, String field) {
    JsonNode v = json.path(field);
    return v.isValueNode() && !v.asText().isBlank() ? v.asText() : null;
  }
}

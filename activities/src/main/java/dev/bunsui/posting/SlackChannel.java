package dev.bunsui.posting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bunsui.creative.ChannelLimits;
import dev.bunsui.support.Json;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code slack} channel: an incoming webhook, POSTing {@code {"text": …}} (Slack API docs,
 * "Sending messages using incoming webhooks"). Slack answers {@code ok} and gives no message id or
 * link, so the post id and URL are null. Errors come as HTTP 4xx with a text such as {@code
 * invalid_payload}, {@code no_text}, {@code channel_not_found}, mapped to {@code POST_REJECTED}. An
 * incoming webhook cannot be asked for earlier messages: a pending post fails with {@code
 * POST_OUTCOME_UNKNOWN} rather than risk a second message.
 */
public final class SlackChannel implements Channel {
  private final ChannelSettings.Slack settings;
  private final ChannelHttp http;
  private final Clock clock;

  /**
   * Creates the channel.
   *
   * @param settings the webhook URL
   * @param http the HTTP helper
   * @param clock stamps the post time
   */
  public SlackChannel(ChannelSettings.Slack settings, ChannelHttp http, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
  }

  @Override
  public String name() {
    return ChannelLimits.SLACK;
  }

  @Override
  public Optional<String> missingConfiguration() {
    return settings.webhookUrl() == null || settings.webhookUrl().isBlank()
        ? Optional.of("set BUNSUI_SLACK_WEBHOOK_URL (bunsui.channels.slack.webhook-url)")
        : Optional.empty();
  }

  @Override
  public Posted publish(PostRequest request) {
    ObjectNode body = Json.MAPPER.createObjectNode().put("text", request.content().text());
    http.send(name(), "POST (incoming webhook)", "POST", settings.webhookUrl(), Map.of(), body);
    return new Posted(null, null, clock.instant());
  }

  @Override
  public boolean canLookup() {
    return false;
  }

  @Override
  public Optional<Posted> find(PostRequest request) {
    throw new UnsupportedOperationException("a Slack incoming webhook cannot be asked");
  }
}

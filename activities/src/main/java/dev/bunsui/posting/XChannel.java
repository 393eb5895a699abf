package dev.bunsui.posting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.creative.ChannelLimits;
import dev.bunsui.support.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code x} channel: X API v2 "Create Post" ({@code POST /2/tweets}, body {@code {"text": …}},
 * answer {@code {"data": {"id", "text"}}}) with an OAuth 2.0 user-context bearer token. The URL of
 * a post is {@code https://x.com/i/web/status/<id>}.
 *
 * <p>Whether an earlier attempt posted is asked with {@code GET /2/users/me} (unless the user id is
 * configured) and {@code GET /2/users/<id>/tweets?max_results=100} (the user's most recent posts),
 * matching the text after dropping links (X rewrites them to {@code t.co}), undoing X's HTML
 * escapes ({@code &amp;}, {@code &lt;}, {@code &gt;}) and collapsing white space. Limits: only the
 * last 100 posts are searched, and a post made a moment ago may not be listed yet.
 */
public final class XChannel implements Channel {
  /** X's path for creating and listing posts (the API still names them so). */
  static final String CREATE_PATH = "/2/tweets";

  private final ChannelSettings.X settings;
  private final ChannelHttp http;
  private final Clock clock;

  /**
   * Creates the channel.
   *
   * @param settings base URL, token, user id
   * @param http the HTTP helper
   * @param clock stamps the post time when X gives none
   */
  public XChannel(ChannelSettings.X settings, ChannelHttp http, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
  }

  @Override
  public String name() {
    return ChannelLimits.X;
  }

  @Override
  public Optional<String> missingConfiguration() {
    return settings.accessToken() == null || settings.accessToken().isBlank()
        ? Optional.of(
            "set BUNSUI_X_ACCESS_TOKEN (bunsui.channels.x.access-token), an OAuth 2.0 user access"
                + " token with tweet.write, tweet.read and users.read")
        : Optional.empty();
  }

  @Override
  public Posted publish(PostRequest request) {
    ChannelHttp.Answer a =
        http.send(
            name(),
            "POST " + CREATE_PATH,
            "POST",
            settings.base() + CREATE_PATH,
            auth(),
            Json.MAPPER.createObjectNode().put("text", request.content().text()));
    String id = a.json().path("data").path("id").asText("");
    if (id.isBlank()) {
      // X took the request; without an id the outcome cannot be confirmed: keep it pending
      throw new ChannelException(
          "x answered HTTP " + a.status() + " without a post id: " + ChannelHttp.excerpt(a.body()),
          false,
          false,
          null,
          null);
    }
    return new Posted(id, url(id), clock.instant());
  }

  @Override
  public boolean canLookup() {
    return true;
  }

  @Override
  public Optional<Posted> find(PostRequest request) {
    String user = settings.userId();
    if (user == null || user.isBlank()) {
      user =
          http.send(name(), "GET /2/users/me", "GET", settings.base() + "/2/users/me", auth(), null)
              .json()
              .path("data")
              .path("id")
              .asText("");
      if (user.isBlank()) {
        throw new ChannelException(
            "x: GET /2/users/me gave no user id; set bunsui.channels.x.user-id",
            false,
            false,
            null,
            null);
      }
    }
    String url =
        settings.base()
            + "/2/users/"
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "/tweets?max_results=100&tweet.fields=created_at";
    JsonNode data =
        http.send(name(), "GET /2/users/:id/tweets", "GET", url, auth(), null).json().path("data");
    String wanted = normalize(request.content().text());
    for (JsonNode p : data) {
      if (normalize(p.path("text").asText("")).equals(wanted)) {
        String id = p.path("id").asText();
        return Optional.of(new Posted(id, url(id), createdAt(p)));
      }
    }
    return Optional.empty();
  }

  /** The text X would show, for matching: links dropped, HTML escapes undone, spaces collapsed. */
  static String normalize(String text) {
    return text.replaceAll("https?://\\S+", "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .replaceAll("\\s+", " ")
        .strip();
  }

  private Instant createdAt(JsonNode p) {
    try {
      return Instant.parse(p.path("created_at").asText(""));
    } catch (DateTimeParseException e) {
      return clock.instant();
    }
  }

  private static String url(String id) {
    return "https://x.com/i/web/status/" + id;
  }

  private Map<String, String> auth() {
    return Map.of("Authorization", "Bearer " + settings.accessToken());
  }
}

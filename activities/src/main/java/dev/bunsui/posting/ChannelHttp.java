package dev.bunsui.posting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.llm.RetryAfter;
import dev.bunsui.support.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * JSON over the JDK {@link HttpClient} for the HTTP channels, with the status mapping of the
 * posting tool:
 *
 * <ul>
 *   <li>2xx: the answer;
 *   <li>429: retryable, nothing posted, next delay from {@code Retry-After} (RFC 9110 §10.2.3,
 *       seconds or HTTP-date, {@link RetryAfter}) or X's {@code x-rate-limit-reset} (epoch
 *       seconds);
 *   <li>408 and 5xx: retryable, outcome unknown ({@code Retry-After} honoured too);
 *   <li>other 4xx: rejected, not retried, with the channel's message;
 *   <li>a refused connection: retryable, nothing posted; a timeout or a dropped connection:
 *       retryable, outcome unknown.
 * </ul>
 *
 * The client does not retry by itself; Temporal does.
 */
public final class ChannelHttp {
  private static final int EXCERPT = 300;
  private final HttpClient client;
  private final Duration timeout;
  private final Clock clock;

  /**
   * Creates the helper.
   *
   * @param timeout per request
   * @param clock for HTTP-date {@code Retry-After} values
   */
  public ChannelHttp(Duration timeout, Clock clock) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.timeout = timeout;
    this.clock = clock;
  }

  /**
   * An answer.
   *
   * @param status the HTTP status
   * @param body the body as text
   */
  public record Answer(int status, String body) {
    /** The body as JSON, or a missing node when it is not JSON. */
    public JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException | RuntimeException e) {
        return Json.MAPPER.missingNode();
      }
    }
  }

  /**
   * Sends a request and maps failures.
   *
   * @param channel the channel name, for messages
   * @param label what the request does, for messages ({@code POST /2/posts}); never the URL, whose
   *     path or query may be a secret (Slack)
   * @param method {@code GET}, {@code POST}, {@code PUT}
   * @param url the URL
   * @param headers request headers
   * @param jsonBody the body (sent as {@code application/json}), or null for none
   * @param accept statuses besides 2xx the caller handles itself (such as 404 or 422); returned as
   *     answers instead of thrown
   * @return the answer
   * @throws ChannelException mapped as described above
   */
  public Answer send(
      String channel,
      String label,
      String method,
      String url,
      Map<String, String> headers,
      JsonNode jsonBody,
      int... accept) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
    headers.forEach(b::header);
    if (jsonBody != null) {
      b.header("Content-Type", "application/json; charset=utf-8");
      b.method(
          method, HttpRequest.BodyPublishers.ofString(jsonBody.toString(), StandardCharsets.UTF_8));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> r;
    try {
      r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      throw new ChannelException(
          channel + ": cannot connect to " + host(url) + ": " + e, false, true, null, e);
    } catch (IOException e) {
      throw new ChannelException(
          channel + ": " + label + " at " + host(url) + " failed (outcome unknown): " + e,
          false,
          false,
          null,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChannelException(channel + ": interrupted", false, false, null, e);
    }
    int status = r.statusCode();
    if (status / 100 == 2) {
      return new Answer(status, r.body());
    }
    for (int a : accept) {
      if (a == status) {
        return new Answer(status, r.body());
      }
    }
    String what = channel + " answered HTTP " + status + " to " + label;
    String detail = excerpt(r.body());
    if (status == 429) {
      Duration delay = retryAfter(r);
      return throwing(
          new ChannelException(
              what
                  + " (rate limited"
                  + (delay == null ? "" : ", retry after " + delay.toSeconds() + " s")
                  + "): "
                  + detail,
              false,
              true,
              delay,
              null));
    }
    if (status == 408 || status >= 500) {
      return throwing(
          new ChannelException(what + ": " + detail, false, false, retryAfter(r), null));
    }
    return throwing(ChannelException.rejected(what + ": " + detail));
  }

  private static Answer throwing(ChannelException e) {
    throw e;
  }

  private Duration retryAfter(HttpResponse<String> r) {
    Optional<Duration> d =
        r.headers().firstValue("retry-after").flatMap(v -> RetryAfter.parse(v, clock));
    if (d.isPresent()) {
      return d.get();
    }
    return r.headers()
        .firstValue("x-rate-limit-reset")
        .filter(v -> v.strip().matches("\\d{1,12}"))
        .map(
            v ->
                Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(v.strip()))))
        .map(v -> v.isNegative() ? Duration.ZERO : v)
        .orElse(null);
  }

  /** Scheme, host and port of a URL (never its path or query, which may carry secrets). */
  static String host(String url) {
    try {
      URI u = URI.create(url);
      return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
    } catch (IllegalArgumentException e) {
      return "(invalid URL)";
    }
  }

  static String excerpt(String body) {
    if (body == null || body.isBlank()) {
      return "(empty body)";
    }
    String t = body.strip().replaceAll("\\s+", " ");
    return t.length() <= EXCERPT ? t : t.substring(0, EXCERPT) + "…";
  }
}

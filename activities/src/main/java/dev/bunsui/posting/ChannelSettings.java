package dev.bunsui.posting;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Configuration of the posting channels, bound from {@code bunsui.channels.*}. Secrets (tokens, the
 * Slack webhook URL, the webhook URL which may carry a secret) are never printed: {@link
 * #toString()} masks them.
 *
 * @param outbox the JSONL file the {@code outbox} channel appends to
 * @param webhook the {@code webhook} channel
 * @param slack the {@code slack} channel
 * @param x the {@code x} channel
 * @param github the {@code github} channel
 * @param timeout per HTTP request; null for 30 seconds
 */
public record ChannelSettings(
    Path outbox, Webhook webhook, Slack slack, X x, Github github, Duration timeout) {

  /** Default HTTP request timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** Fills defaults: outbox {@code ./out/outbox.jsonl}, empty channel settings, 30 s timeout. */
  public ChannelSettings {
    outbox = outbox == null ? Path.of("out", "outbox.jsonl") : outbox;
    webhook = webhook == null ? new Webhook(null, false) : webhook;
    slack = slack == null ? new Slack(null) : slack;
    x = x == null ? new X(null, null, null) : x;
    github = github == null ? new Github(null, null, null, null, null) : github;
    timeout =
        timeout == null || timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
  }

  /** Settings with only the outbox at the given path. */
  public static ChannelSettings outboxOnly(Path outbox) {
    return new ChannelSettings(outbox, null, null, null, null, null);
  }

  /**
   * The generic webhook.
   *
   * @param url where posts are POSTed as JSON; null when not configured
   * @param honoursIdempotencyKey true when the receiver deduplicates on the {@code Idempotency-Key}
   *     header, so a post whose outcome is unknown may be sent again with the same key; false
   *     (default) makes such a post fail with {@code POST_OUTCOME_UNKNOWN} instead
   */
  public record Webhook(String url, boolean honoursIdempotencyKey) {
    @Override
    public String toString() {
      return "Webhook[url="
          + maskUrl(url)
          + ", honoursIdempotencyKey="
          + honoursIdempotencyKey
          + "]";
    }
  }

  /**
   * A Slack incoming webhook.
   *
   * @param webhookUrl the {@code https://hooks.slack.com/services/…} URL (a secret); null when not
   *     configured
   */
  public record Slack(String webhookUrl) {
    @Override
    public String toString() {
      return "Slack[webhookUrl=" + mask(webhookUrl) + "]";
    }
  }

  /**
   * X API v2.
   *
   * @param baseUrl API root; null for {@code https://api.x.com}
   * @param accessToken OAuth 2.0 user-context access token with {@code tweet.write}, {@code
   *     tweet.read} and {@code users.read} scopes (a secret); null when not configured
   * @param userId the posting user's id, used to look up earlier posts; null to ask {@code
   *     /2/users/me}
   */
  public record X(String baseUrl, String accessToken, String userId) {
    /** The API root without a trailing slash. */
    public String base() {
      return trim(baseUrl == null || baseUrl.isBlank() ? "https://api.x.com" : baseUrl);
    }

    @Override
    public String toString() {
      return "X[baseUrl="
          + base()
          + ", accessToken="
          + mask(accessToken)
          + ", userId="
          + userId
          + "]";
    }
  }

  /**
   * GitHub pull requests.
   *
   * @param baseUrl REST API root; null for {@code https://api.github.com}
   * @param token a token allowed to push branches and open pull requests (a secret); null when not
   *     configured
   * @param repo {@code owner/name}
   * @param baseBranch the branch pull requests target; null for the repository's default branch
   * @param folder folder of the Markdown files in the repository; null for {@code posts}
   */
  public record Github(
      String baseUrl, String token, String repo, String baseBranch, String folder) {
    /** The API root without a trailing slash. */
    public String base() {
      return trim(baseUrl == null || baseUrl.isBlank() ? "https://api.github.com" : baseUrl);
    }

    /** The folder, {@code posts} by default, without surrounding slashes. */
    public String folderOrDefault() {
      return folder == null || folder.isBlank() ? "posts" : folder.replaceAll("^/+|/+$", "");
    }

    @Override
    public String toString() {
      return "Github[baseUrl="
          + base()
          + ", token="
          + mask(token)
          + ", repo="
          + repo
          + ", baseBranch="
          + baseBranch
          + ", folder="
          + folderOrDefault()
          + "]";
    }
  }

  static String mask(String secret) {
    return secret == null || secret.isBlank() ? "unset" : "***";
  }

  /** Shows scheme and host of a URL only. */
  static String maskUrl(String url) {
    if (url == null || url.isBlank()) {
      return "unset";
    }
    try {
      URI u = URI.create(url);
      return u.getScheme() + "://" + u.getHost() + "/***";
    } catch (IllegalArgumentException e) {
      return "***";
    }
  }

  private static String trim(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}

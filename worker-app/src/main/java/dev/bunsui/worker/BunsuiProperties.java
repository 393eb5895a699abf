package dev.bunsui.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The worker's {@code bunsui.*} settings (see {@code application.yml} for every key and its
 * environment variable).
 *
 * @param store where artifacts are written
 * @param parse book reading limits
 * @param llm LLM providers
 * @param figures figure renderers
 * @param thumbnail thumbnail rendering
 * @param faults failures switched on on purpose
 * @param channels posting channels of the {@code auto_posting} tool
 */
@ConfigurationProperties("bunsui")
public record BunsuiProperties(
    @DefaultValue Store store,
    @DefaultValue Parse parse,
    @DefaultValue Llm llm,
    @DefaultValue Figures figures,
    @DefaultValue Thumbnail thumbnail,
    @DefaultValue Faults faults,
    @DefaultValue Channels channels) {

  /**
   * Artifact store.
   *
   * @param root local output folder (type {@code local})
   * @param type {@code local} (a folder) or {@code s3} (a bucket)
   * @param s3 the bucket (type {@code s3})
   */
  public record Store(
      @DefaultValue("./out") Path root,
      @DefaultValue("local") StoreType type,
      @DefaultValue S3 s3) {
    /** The bound constructor (the record has a second one). */
    @ConstructorBinding
    public Store {}

    /** A local store in the folder. */
    public Store(Path root) {
      this(root, StoreType.LOCAL, S3.none());
    }
  }

  /** Which artifact store the worker writes to. */
  public enum StoreType {
    /** A local folder ({@code bunsui.store.root}). */
    LOCAL,
    /** An S3 bucket ({@code bunsui.store.s3.*}). */
    S3
  }

  /**
   * The S3 artifact store. Credentials are not configured here: the AWS SDK's default provider
   * chain finds them (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, web identity,
   * container or instance role).
   *
   * @param bucket an existing bucket
   * @param prefix key prefix inside the bucket ({@code bunsui/}); empty for the bucket root
   * @param region AWS region; empty for AWS_REGION or the profile ({@code us-east-1} with an
   *     endpoint)
   * @param endpoint an S3-compatible endpoint URL ({@code http://localhost:9000}); empty for AWS
   * @param pathStyle {@code endpoint/bucket/key} URLs (MinIO) instead of {@code
   *     bucket.endpoint/key}
   * @param multipartThreshold objects of this size or larger go up in parts of this size (at least
   *     5 MB)
   * @param presignDuration validity of the presigned GET links in manifest.json and index.html; 0
   *     for none, at most 7 days
   */
  public record S3(
      String bucket,
      String prefix,
      String region,
      String endpoint,
      @DefaultValue("false") boolean pathStyle,
      @DefaultValue("8MB") DataSize multipartThreshold,
      @DefaultValue("0s") Duration presignDuration) {
    /** No bucket, the defaults otherwise (for a local store). */
    public static S3 none() {
      return new S3(null, null, null, null, false, DataSize.ofMegabytes(8), Duration.ZERO);
    }
  }

  /**
   * Book reading.
   *
   * @param maxBookBytes the largest book (sum of its Markdown files) read, in bytes
   * @param allowRemoteImages whether image URLs on the network are fetched
   */
  public record Parse(
      @DefaultValue("20971520") long maxBookBytes,
      @DefaultValue("false") boolean allowRemoteImages) {}

  /**
   * LLM providers.
   *
   * @param defaultProvider provider used when a run names none
   * @param providers per provider name ({@code openai}, {@code anthropic}, {@code ollama}): base
   *     URL, API key (from the environment only), model, timeout, temperature
   * @param promptsDir a folder whose {@code <kind>/system.md} and {@code <kind>/message.md}
   *     override the built-in prompts; null for none
   */
  public record Llm(
      @DefaultValue("extractive") String defaultProvider,
      Map<String, Provider> providers,
      Path promptsDir) {}

  /**
   * One provider.
   *
   * @param baseUrl API base URL
   * @param apiKey API key; never logged
   * @param model model name
   * @param timeout per-request timeout
   * @param temperature sampling temperature, null for the provider's default
   */
  public record Provider(
      String baseUrl, String apiKey, String model, Duration timeout, Double temperature) {
    @Override
    public String toString() {
      return "Provider[baseUrl="
          + baseUrl
          + ", model="
          + model
          + ", apiKey="
          + (apiKey == null || apiKey.isBlank() ? "unset" : "***")
          + "]";
    }
  }

  /**
   * Figure renderers.
   *
   * @param mermaidCommand path of {@code mmdc}; null to look in {@code .tools/mermaid} and PATH
   * @param chromium path of the Chromium binary Mermaid drives; null for {@code /usr/bin/chromium}
   * @param renderTimeout time allowed per figure
   * @param maxPixels the largest PNG rendered, in pixels
   */
  public record Figures(
      Path mermaidCommand,
      Path chromium,
      @DefaultValue("60s") Duration renderTimeout,
      @DefaultValue("40000000") int maxPixels) {}

  /**
   * Thumbnails.
   *
   * @param fontFile a TrueType/OpenType font used for thumbnails; null to pick an installed font
   *     that displays the title
   */
  public record Thumbnail(Path fontFile) {}

  /**
   * The fault switch, for rehearsing failures and rerun-from-failure.
   *
   * @param failActivities activity type names ({@code ConvertFigure}, {@code GenerateArticle} …)
   *     whose every execution fails with a non-retryable {@code FAULT_INJECTED}; empty for none
   */
  public record Faults(List<String> failActivities) {
    /** Strips the names and drops blank ones; null means none. */
    public Faults {
      failActivities =
          failActivities == null
              ? List.of()
              : failActivities.stream()
                  .filter(java.util.Objects::nonNull)
                  .map(String::strip)
                  .filter(n -> !n.isEmpty())
                  .toList();
    }
  }

  /**
   * Posting channels. Every secret comes from the environment; {@code toString} masks them.
   *
   * @param outbox the JSONL file of the {@code outbox} channel; null for {@code <store
   *     root>/outbox.jsonl}
   * @param timeout per HTTP request
   * @param webhook the generic JSON webhook
   * @param slack the Slack incoming webhook
   * @param x X API v2
   * @param github GitHub pull requests
   */
  public record Channels(
      Path outbox,
      @DefaultValue("30s") Duration timeout,
      @DefaultValue Webhook webhook,
      @DefaultValue Slack slack,
      @DefaultValue X x,
      @DefaultValue Github github) {}

  /**
   * The generic webhook channel.
   *
   * @param url where posts are POSTed as JSON (may carry a secret); empty when not used
   * @param honoursIdempotencyKey whether the receiver deduplicates on {@code Idempotency-Key}, so a
   *     post whose outcome is unknown may be sent again
   */
  public record Webhook(String url, @DefaultValue("false") boolean honoursIdempotencyKey) {
    @Override
    public String toString() {
      return "Webhook[url="
          + masked(url)
          + ", honoursIdempotencyKey="
          + honoursIdempotencyKey
          + "]";
    }
  }

  /**
   * The Slack channel.
   *
   * @param webhookUrl the incoming webhook URL (a secret)
   */
  public record Slack(String webhookUrl) {
    @Override
    public String toString() {
      return "Slack[webhookUrl=" + masked(webhookUrl) + "]";
    }
  }

  /**
   * The X channel.
   *
   * @param baseUrl API root
   * @param accessToken OAuth 2.0 user access token (a secret)
   * @param userId the posting user's id; empty to ask {@code /2/users/me}
   */
  public record X(
      @DefaultValue("https://api.x.com") String baseUrl, String accessToken, String userId) {
    @Override
    public String toString() {
      return "X[baseUrl="
          + baseUrl
          + ", accessToken="
          + masked(accessToken)
          + ", userId="
          + userId
          + "]";
    }
  }

  /**
   * The GitHub channel.
   *
   * @param baseUrl REST API root
   * @param token a token that may push branches and open pull requests (a secret)
   * @param repo {@code owner/name}
   * @param baseBranch the branch pull requests target; empty for the repository's default
   * @param folder the folder of the Markdown files
   */
  public record Github(
      @DefaultValue("https://api.github.com") String baseUrl,
      String token,
      String repo,
      String baseBranch,
      @DefaultValue("posts") String folder) {
    @Override
    public String toString() {
      return "Github[baseUrl="
          + baseUrl
          + ", token="
          + masked(token)
          + ", repo="
          + repo
          + ", baseBranch="
          + baseBranch
          + ", folder="
          + folder
          + "]";
    }
  }

  private static String masked(String secret) {
    return secret == null || secret.isBlank() ? "unset" : "***";
  }
}

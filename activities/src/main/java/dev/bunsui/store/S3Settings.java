package dev.bunsui.store;

import dev.bunsui.failure.ErrorCode;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Where and how {@link S3ArtifactStore} writes. Credentials are not here: they come from the AWS
 * SDK's default provider chain (environment, system properties, profile, web identity, container or
 * instance role), never from configuration files.
 *
 * @param bucket the bucket; it must exist (the store does not create it)
 * @param prefix key prefix inside the bucket, such as {@code bunsui/}; empty for the bucket root.
 *     Normalized to no leading and exactly one trailing {@code /}
 * @param region AWS region such as {@code eu-west-1}; blank for the SDK's default region chain
 *     ({@code AWS_REGION}, the profile), falling back to {@code us-east-1} when an endpoint is set
 * @param endpoint an S3-compatible endpoint ({@code http://localhost:9000} for MinIO); null for AWS
 * @param pathStyle true for {@code endpoint/bucket/key} URLs (MinIO, s3proxy), false for
 *     virtual-hosted {@code bucket.endpoint/key}
 * @param multipartThreshold objects of at least this many bytes go up as a multipart upload, in
 *     parts of {@link #partSize()} bytes; default {@link #DEFAULT_MULTIPART_THRESHOLD}
 * @param presignDuration how long presigned GET URLs (manifest, index) stay valid; zero or null for
 *     none; at most {@link #MAX_PRESIGN_DURATION}
 */
public record S3Settings(
    String bucket,
    String prefix,
    String region,
    URI endpoint,
    boolean pathStyle,
    long multipartThreshold,
    Duration presignDuration) {

  /** 8 MiB, the AWS SDK's own default threshold. */
  public static final long DEFAULT_MULTIPART_THRESHOLD = 8L * 1024 * 1024;

  /**
   * 5 MiB, the smallest part S3 accepts (all but the last), and 5 GiB the largest: <a
   * href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html">Amazon S3 multipart
   * upload limits</a>.
   */
  public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

  private static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;

  /**
   * 7 days, the longest validity of a SigV4 presigned URL (<a
   * href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-presigned-url.html">S3
   * presigned URLs</a>).
   */
  public static final Duration MAX_PRESIGN_DURATION = Duration.ofDays(7);

  /**
   * Validates and normalizes.
   *
   * @throws StoreException {@code STORE_CONFIG} naming the setting when the bucket is blank, the
   *     prefix has {@code ..} segments, the endpoint is not an http(s) URL, the threshold is not
   *     positive, or the presign duration is negative or longer than 7 days
   */
  public S3Settings {
    if (bucket == null || bucket.isBlank()) {
      throw invalid("bucket (bunsui.store.s3.bucket, BUNSUI_S3_BUCKET) is empty: name the bucket");
    }
    bucket = bucket.strip();
    prefix = normalizePrefix(prefix);
    region = region == null || region.isBlank() ? null : region.strip();
    if (endpoint != null) {
      String scheme =
          endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
        throw invalid(
            "endpoint (bunsui.store.s3.endpoint) '"
                + endpoint
                + "' is not an http(s) URL such as http://localhost:9000");
      }
    }
    if (multipartThreshold <= 0) {
      throw invalid(
          "multipart threshold (bunsui.store.s3.multipart-threshold) is "
              + multipartThreshold
              + " bytes: it must be positive");
    }
    presignDuration = presignDuration == null ? Duration.ZERO : presignDuration;
    if (presignDuration.isNegative() || presignDuration.compareTo(MAX_PRESIGN_DURATION) > 0) {
      throw invalid(
          "presign duration (bunsui.store.s3.presign-duration) is "
              + presignDuration
              + ": it must be between 0 (no presigned links) and 7 days (the SigV4 limit)");
    }
  }

  /**
   * Settings with the defaults: no prefix, the default region chain, AWS itself, virtual-hosted
   * URLs, an 8 MiB threshold and no presigned links.
   */
  public static S3Settings of(String bucket) {
    return new S3Settings(bucket, "", null, null, false, DEFAULT_MULTIPART_THRESHOLD, null);
  }

  /** The multipart part size: the threshold, kept within S3's 5 MiB to 5 GiB part limits. */
  public long partSize() {
    return Math.min(MAX_PART_SIZE, Math.max(MIN_PART_SIZE, multipartThreshold));
  }

  /** Whether presigned GET URLs are made. */
  public boolean presigns() {
    return !presignDuration.isZero();
  }

  /** {@code s3://bucket/prefix} (the prefix with its trailing slash), the root of every URI. */
  public String rootUri() {
    return "s3://" + bucket + "/" + prefix;
  }

  private static String normalizePrefix(String prefix) {
    if (prefix == null) {
      return "";
    }
    String p = prefix.strip();
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty()) {
      return "";
    }
    for (String segment : p.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw invalid(
            "prefix (bunsui.store.s3.prefix) '"
                + prefix
                + "' has an empty, '.' or '..' segment: use a plain path such as bunsui/books");
      }
    }
    return p + "/";
  }

  private static StoreException invalid(String message) {
    return new StoreException(ErrorCode.STORE_CONFIG, "S3 store: " + message, null);
  }
}

package dev.bunsui.store;

import dev.bunsui.failure.ErrorCode;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns what the S3 client throws into {@link StoreException}s that name bucket, key, endpoint and
 * region and carry the right {@link ErrorCode}:
 *
 * <ul>
 *   <li>HTTP 403 (and the signature and key-id codes): {@code STORE_ACCESS_DENIED}, not retried;
 *   <li>{@code NoSuchBucket}, a wrong region (301, {@code AuthorizationHeaderMalformed}), an
 *       invalid bucket name, 501 and other 4xx the server will answer the same way again: {@code
 *       STORE_CONFIG}, not retried;
 *   <li>5xx, 408, 429, S3's retryable 400 codes ({@code RequestTimeout}, {@code BadDigest}) and
 *       connection faults: {@code STORE_IO}, retried by Temporal.
 * </ul>
 *
 * Codes from <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html">S3 error
 * responses</a>.
 */
final class S3Errors {
  private static final Set<String> ACCESS_CODES =
      Set.of(
          "AccessDenied",
          "InvalidAccessKeyId",
          "SignatureDoesNotMatch",
          "ExpiredToken",
          "InvalidToken",
          "AllAccessDisabled",
          "AccountProblem");
  private static final Set<String> REGION_CODES =
      Set.of(
          "PermanentRedirect",
          "AuthorizationHeaderMalformed",
          "IllegalLocationConstraintException");
  private static final Set<String> RETRYABLE_CODES =
      Set.of(
          "RequestTimeout",
          "BadDigest",
          "XAmzContentSHA256Mismatch",
          "SlowDown",
          "InternalError",
          "ServiceUnavailable",
          "OperationAborted",
          "RequestTimeTooSkewed");

  private final S3Settings settings;
  private final String endpoint;
  private final String region;

  S3Errors(S3Settings settings, String region) {
    this.settings = settings;
    this.endpoint = settings.endpoint() == null ? "AWS S3" : settings.endpoint().toString();
    this.region = region;
  }

  /** Whether the failure says the key is absent (404 other than {@code NoSuchBucket}). */
  static boolean isMissingKey(Throwable failure) {
    Throwable t = unwrap(failure);
    if (t instanceof NoSuchKeyException) {
      return true;
    }
    S3Exception s3 = find(t, S3Exception.class);
    return s3 != null && s3.statusCode() == 404 && !"NoSuchBucket".equals(code(s3));
  }

  /**
   * The store exception for a failed request.
   *
   * @param failure what the client threw or completed its future with
   * @param operation what was attempted ({@code upload}, {@code read}, {@code check}), for the
   *     message
   * @param key the full object key (with the prefix)
   */
  StoreException translate(Throwable failure, String operation, String key) {
    Throwable t = unwrap(failure);
    String where =
        "s3://"
            + settings.bucket()
            + "/"
            + key
            + " (endpoint "
            + endpoint
            + ", region "
            + region
            + ")";
    S3Exception s3 = find(t, S3Exception.class);
    if (s3 != null) {
      int status = s3.statusCode();
      String code = code(s3);
      String reason = "HTTP " + status + (code == null ? "" : " " + code) + detail(s3);
      if (status == 403 || ACCESS_CODES.contains(code)) {
        return new StoreException(
            ErrorCode.STORE_ACCESS_DENIED,
            operation
                + " of "
                + where
                + " was refused ("
                + reason
                + "): check the credentials"
                + " the AWS default provider chain finds (AWS_ACCESS_KEY_ID and"
                + " AWS_SECRET_ACCESS_KEY, AWS_PROFILE, web identity, container or instance role)"
                + " and the bucket policy; not retried",
            failure);
      }
      if ("NoSuchBucket".equals(code)) {
        return new StoreException(
            ErrorCode.STORE_CONFIG,
            "bucket '"
                + settings.bucket()
                + "' does not exist at "
                + endpoint
                + " (region "
                + region
                + "): create it or set bunsui.store.s3.bucket (BUNSUI_S3_BUCKET); "
                + operation
                + " of "
                + key
                + " not retried",
            failure);
      }
      if (status == 301 || REGION_CODES.contains(code)) {
        return new StoreException(
            ErrorCode.STORE_CONFIG,
            "bucket '"
                + settings.bucket()
                + "' is not in region "
                + region
                + " at "
                + endpoint
                + " ("
                + reason
                + "): set bunsui.store.s3.region (BUNSUI_S3_REGION) to the"
                + " bucket's region; "
                + operation
                + " of "
                + key
                + " not retried",
            failure);
      }
      if (status >= 500 && status != 501
          || status == 408
          || status == 429
          || RETRYABLE_CODES.contains(code)) {
        return new StoreException(
            ErrorCode.STORE_IO, operation + " of " + where + " failed (" + reason + ")", failure);
      }
      if (status == 404) {
        return new StoreException(
            ErrorCode.STORE_IO,
            operation + " of " + where + ": no such key (" + reason + ")",
            failure);
      }
      return new StoreException(
          ErrorCode.STORE_CONFIG,
          operation
              + " of "
              + where
              + " was rejected ("
              + reason
              + "): the endpoint does not"
              + " accept this request as configured (bucket name, path-style access, endpoint);"
              + " not retried",
          failure);
    }
    SdkClientException client = find(t, SdkClientException.class);
    String message = client != null ? client.getMessage() : String.valueOf(t);
    return new StoreException(
        ErrorCode.STORE_IO, operation + " of " + where + " failed: " + message, failure);
  }

  private static String code(S3Exception e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  private static String detail(S3Exception e) {
    String m = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    return m == null || m.isBlank() ? "" : ": " + m;
  }

  private static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  /** The first throwable of the type in the cause chain (the multipart client wraps S3 errors). */
  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }
}

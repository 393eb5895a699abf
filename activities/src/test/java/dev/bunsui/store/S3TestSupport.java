package dev.bunsui.store;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An in-process S3 server for tests: s3proxy over real HTTP on a free port, with a filesystem blob
 * store in a temporary folder and SigV4 authorization switched on.
 */
public final class S3TestSupport {
  /** The access key s3proxy accepts. */
  public static final String ACCESS_KEY = "bunsui-test";

  /** The secret key s3proxy accepts. */
  public static final String SECRET_KEY = "bunsui-test-secret";

  private S3TestSupport() {}

  /**
   * The server. {@code ignoreUnknownHeaders}: s3proxy answers 501 to the {@code
   * x-amz-checksum-algorithm} header the SDK (2.30+) sends when it creates a multipart upload; real
   * S3 and MinIO implement it.
   */
  public static S3ProxyExtension server() {
    return S3ProxyExtension.builder()
        .withCredentials(ACCESS_KEY, SECRET_KEY)
        .ignoreUnknownHeaders()
        .build();
  }

  /** The credentials the server accepts. */
  public static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
  }

  /** Settings for the server: path-style, us-east-1, the given prefix, threshold and presigning. */
  public static S3Settings settings(
      URI endpoint, String bucket, String prefix, long threshold, Duration presign) {
    return new S3Settings(bucket, prefix, "us-east-1", endpoint, true, threshold, presign);
  }

  /**
   * Creates a bucket with a synchronous client of its own (Apache HTTP: it closes at once, where a
   * Netty event loop waits out its quiet period).
   */
  public static void createBucket(URI endpoint, String bucket) {
    try (S3Client c =
        S3Client.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(credentials())
            .build()) {
      c.createBucket(b -> b.bucket(bucket));
    }
  }

  /** Counts the HTTP requests a client sends, by S3 operation name, retries included. */
  public static final class RequestCounter implements ExecutionInterceptor {
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(
        Context.BeforeTransmission context, ExecutionAttributes attributes) {
      String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      counts.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Requests sent for the operation ({@code PutObject}, {@code UploadPart} …) so far. */
    public int count(String operation) {
      AtomicInteger c = counts.get(operation);
      return c == null ? 0 : c.get();
    }

    /** Forgets what was counted. */
    public void reset() {
      counts.clear();
    }

    /** This counter as the interceptor list a store takes. */
    public List<ExecutionInterceptor> asList() {
      return List.of(this);
    }
  }
}

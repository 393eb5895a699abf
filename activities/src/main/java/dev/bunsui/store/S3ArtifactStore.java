package dev.bunsui.store;

import dev.bunsui.failure.ErrorCode;
import dev.bunsui.support.Hashes;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.FileTransformerConfiguration;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The artifact store in an S3 bucket (AWS or an S3-compatible server such as MinIO), through the
 * AWS SDK v2 async client.
 *
 * <ul>
 *   <li>Keys: {@code <prefix><key>}; URIs {@code s3://bucket/<prefix><key>}.
 *   <li>Content-addressed {@link #put}/{@link #putFile}: a HeadObject first; when the object is
 *       there with the same size nothing is uploaded, so a retried activity writes nothing twice.
 *   <li>Objects of at least {@link S3Settings#multipartThreshold()} bytes go up as a multipart
 *       upload (the SDK's multipart client, parts of {@link S3Settings#partSize()}); {@link
 *       #putFile} and {@link #download} stream from and to files. Reads use a second client without
 *       multipart support, because the multipart client reads every object part by part ({@code
 *       GetObject?partNumber=}), which some S3-compatible servers (s3proxy) refuse for objects
 *       uploaded in parts; both share one Netty HTTP client.
 *   <li>Retries belong to Temporal: the SDK's standard retry strategy is kept to 2 attempts.
 *   <li>Errors become {@link StoreException}s classified by {@link S3Errors}: access denied and a
 *       missing bucket are not retried.
 *   <li>Credentials come from the SDK's default provider chain, never from configuration.
 * </ul>
 *
 * <p>Blocking: every method waits for its request (activities are synchronous); an interrupt
 * cancels the request.
 */
public final class S3ArtifactStore implements ArtifactStore, AutoCloseable {
  /** Attempts per request, the first included; more retries are Temporal's. */
  static final int MAX_ATTEMPTS = 2;

  private static final Logger log = LoggerFactory.getLogger(S3ArtifactStore.class);
  private static final String SHA_METADATA = "sha256";

  private final S3Settings settings;
  private final SdkAsyncHttpClient http;
  private final S3AsyncClient uploads;
  private final S3AsyncClient reads;
  private final S3Presigner presigner;
  private final AwsCredentialsProvider credentials;
  private final boolean ownsCredentials;
  private final S3Errors errors;
  private final Region region;

  /**
   * Opens the store with credentials from the SDK's default provider chain.
   *
   * @throws StoreException {@code STORE_CONFIG} when no region is configured or found
   */
  public static S3ArtifactStore open(S3Settings settings) {
    return new S3ArtifactStore(
        settings, DefaultCredentialsProvider.builder().build(), true, List.of());
  }

  /**
   * Opens the store with the given credentials and request interceptors (tests count requests with
   * them).
   *
   * @param settings bucket, prefix, region, endpoint, multipart and presign settings
   * @param credentials where credentials come from; not closed by {@link #close()}
   * @param interceptors added to the client's execution interceptors
   * @throws StoreException {@code STORE_CONFIG} when no region is configured or found
   */
  public S3ArtifactStore(
      S3Settings settings,
      AwsCredentialsProvider credentials,
      List<ExecutionInterceptor> interceptors) {
    this(settings, credentials, false, interceptors);
  }

  private S3ArtifactStore(
      S3Settings settings,
      AwsCredentialsProvider credentials,
      boolean ownsCredentials,
      List<ExecutionInterceptor> interceptors) {
    this.settings = settings;
    this.credentials = credentials;
    this.ownsCredentials = ownsCredentials;
    this.region = region(settings);
    this.errors = new S3Errors(settings, region.id());
    this.http = NettyNioAsyncHttpClient.builder().build();
    this.uploads =
        clientBuilder(interceptors)
            .multipartEnabled(true)
            .multipartConfiguration(
                m ->
                    m.thresholdInBytes(settings.multipartThreshold())
                        .minimumPartSizeInBytes(settings.partSize()))
            .build();
    this.reads = clientBuilder(interceptors).build();
    if (settings.presigns()) {
      var p =
          S3Presigner.builder()
              .region(region)
              .credentialsProvider(credentials)
              .serviceConfiguration(
                  S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build());
      if (settings.endpoint() != null) {
        p.endpointOverride(settings.endpoint());
      }
      this.presigner = p.build();
    } else {
      this.presigner = null;
    }
    log.info(
        "artifact store {}: multipart from {} bytes, presigned links {}",
        this,
        settings.multipartThreshold(),
        settings.presigns() ? "valid " + settings.presignDuration() : "off");
  }

  /**
   * A client over the shared HTTP client: the region, credentials, endpoint and path style of the
   * settings, the SDK's standard retry strategy with {@link #MAX_ATTEMPTS} attempts.
   */
  private S3AsyncClientBuilder clientBuilder(List<ExecutionInterceptor> interceptors) {
    S3AsyncClientBuilder builder =
        S3AsyncClient.builder()
            .httpClient(http)
            .region(region)
            .credentialsProvider(credentials)
            .forcePathStyle(settings.pathStyle())
            .overrideConfiguration(
                o -> {
                  o.retryStrategy(
                      AwsRetryStrategy.standardRetryStrategy().toBuilder()
                          .maxAttempts(MAX_ATTEMPTS)
                          .build());
                  interceptors.forEach(o::addExecutionInterceptor);
                });
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    return builder;
  }

  /** The settings the store was opened with. */
  public S3Settings settings() {
    return settings;
  }

  @Override
  public ArtifactRef put(byte[] content, String mediaType, String extension) {
    String sha = Hashes.sha256(content);
    String key = LocalArtifactStore.objectKey(sha, extension);
    if (storedSize(key) != content.length) {
      upload(key, mediaType, sha, content.length, () -> AsyncRequestBody.fromBytesUnsafe(content));
    }
    return new ArtifactRef(uriOf(key), sha, content.length, mediaType);
  }

  @Override
  public ArtifactRef putFile(Path file, String mediaType, String extension) {
    FileDigest digest = FileDigest.of(file);
    String sha = digest.sha256();
    long size = digest.size();
    String key = LocalArtifactStore.objectKey(sha, extension);
    if (storedSize(key) != size) {
      upload(key, mediaType, sha, size, () -> AsyncRequestBody.fromFile(file));
    }
    return new ArtifactRef(uriOf(key), sha, size, mediaType);
  }

  @Override
  public ArtifactRef putNamed(String key, byte[] content, String mediaType) {
    String sha = Hashes.sha256(content);
    upload(
        checkKey(key),
        mediaType,
        sha,
        content.length,
        () -> AsyncRequestBody.fromBytesUnsafe(content));
    return new ArtifactRef(uriOf(key), sha, content.length, mediaType);
  }

  @Override
  public byte[] get(ArtifactRef ref) {
    String full = full(key(ref));
    ResponseBytes<GetObjectResponse> bytes =
        await(
            "read",
            full,
            () ->
                reads.getObject(
                    r -> r.bucket(settings.bucket()).key(full),
                    AsyncResponseTransformer.toBytes()));
    byte[] content = bytes.asByteArrayUnsafe();
    if (!Hashes.sha256(content).equals(ref.sha256())) {
      throw new StoreException(
          "artifact " + ref.uri() + " does not match its hash (expected " + ref.sha256() + ")");
    }
    return content;
  }

  @Override
  public void download(ArtifactRef ref, Path target) {
    String full = full(key(ref));
    Path tmp = null;
    try {
      tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".tmp-", ".part");
      Path into = tmp;
      await(
          "download",
          full,
          () ->
              reads.getObject(
                  r -> r.bucket(settings.bucket()).key(full),
                  AsyncResponseTransformer.toFile(
                      into, FileTransformerConfiguration.defaultCreateOrReplaceExisting())));
      if (!Hashes.sha256(tmp).equals(ref.sha256())) {
        throw new StoreException(
            "artifact " + ref.uri() + " does not match its hash (expected " + ref.sha256() + ")");
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new StoreException("cannot write " + target + " from " + ref.uri() + ": " + e, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a leftover .part file next to the target; nothing else to do
        }
      }
    }
  }

  @Override
  public Optional<byte[]> getNamed(String key) {
    String full = full(checkKey(key));
    return awaitUnlessMissing(
            "read",
            full,
            () ->
                reads.getObject(
                    r -> r.bucket(settings.bucket()).key(full), AsyncResponseTransformer.toBytes()))
        .map(ResponseBytes::asByteArrayUnsafe);
  }

  @Override
  public boolean exists(ArtifactRef ref) {
    String key;
    try {
      key = key(ref);
    } catch (StoreException e) {
      return false;
    }
    return storedSize(key) == ref.size();
  }

  @Override
  public String key(ArtifactRef ref) {
    String root = settings.rootUri();
    if (ref.uri() == null || !ref.uri().startsWith(root)) {
      throw new StoreException("artifact " + ref.uri() + " is outside the store " + root);
    }
    return checkKey(ref.uri().substring(root.length()));
  }

  @Override
  public String uriOf(String key) {
    return settings.rootUri() + checkKey(key);
  }

  @Override
  public Optional<String> downloadUrl(String key) {
    if (presigner == null) {
      return Optional.empty();
    }
    String full = full(checkKey(key));
    return Optional.of(
        presigner
            .presignGetObject(
                p ->
                    p.signatureDuration(settings.presignDuration())
                        .getObjectRequest(g -> g.bucket(settings.bucket()).key(full)))
            .url()
            .toString());
  }

  /** Closes the clients, the presigner and (when this store made it) the credentials provider. */
  @Override
  public void close() {
    uploads.close();
    reads.close();
    http.close();
    if (presigner != null) {
      presigner.close();
    }
    if (ownsCredentials && credentials instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        log.debug("closing the credentials provider failed: {}", e.toString());
      }
    }
  }

  @Override
  public String toString() {
    return "S3ArtifactStore["
        + settings.rootUri()
        + ", endpoint="
        + (settings.endpoint() == null ? "AWS" : settings.endpoint())
        + ", region="
        + region
        + "]";
  }

  /** The stored size of a key (without the prefix), or -1 when absent (HeadObject 404). */
  private long storedSize(String key) {
    String full = full(key);
    return awaitUnlessMissing(
            "check", full, () -> reads.headObject(r -> r.bucket(settings.bucket()).key(full)))
        .map(HeadObjectResponse::contentLength)
        .orElse(-1L);
  }

  private void upload(
      String key, String mediaType, String sha, long size, Supplier<AsyncRequestBody> body) {
    String full = full(key);
    PutObjectRequest request =
        PutObjectRequest.builder()
            .bucket(settings.bucket())
            .key(full)
            .contentType(mediaType)
            .contentLength(size)
            .metadata(Map.of(SHA_METADATA, sha))
            .build();
    await("upload", full, () -> uploads.putObject(request, body.get()));
    log.debug(
        "uploaded {} bytes to s3://{}/{}{}",
        size,
        settings.bucket(),
        full,
        size >= settings.multipartThreshold() ? " (multipart)" : "");
  }

  private <T> T await(String operation, String full, Supplier<CompletableFuture<T>> call) {
    return call(operation, full, call, false).orElseThrow();
  }

  /** Waits for the request; empty when S3 answers that the key is absent. */
  private <T> Optional<T> awaitUnlessMissing(
      String operation, String full, Supplier<CompletableFuture<T>> call) {
    return call(operation, full, call, true);
  }

  private <T> Optional<T> call(
      String operation, String full, Supplier<CompletableFuture<T>> call, boolean missingIsEmpty) {
    CompletableFuture<T> f = null;
    try {
      f = call.get();
      return Optional.of(f.get());
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw interrupted(operation, full, e);
    } catch (ExecutionException | SdkException e) {
      if (missingIsEmpty && S3Errors.isMissingKey(e)) {
        return Optional.empty();
      }
      throw errors.translate(e, operation, full);
    }
  }

  private StoreException interrupted(String operation, String full, InterruptedException e) {
    return new StoreException(
        ErrorCode.STORE_IO,
        operation + " of s3://" + settings.bucket() + "/" + full + " was interrupted",
        e);
  }

  private String full(String key) {
    return settings.prefix() + key;
  }

  /**
   * A relative key: not blank, no leading {@code /}, no backslash, no empty, {@code .} or {@code
   * ..} segment.
   */
  private String checkKey(String key) {
    boolean bad = key == null || key.isBlank() || key.startsWith("/") || key.contains("\\");
    if (!bad) {
      for (String segment : key.split("/", -1)) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
          bad = true;
          break;
        }
      }
    }
    if (bad) {
      throw new StoreException(
          "unsafe artifact key '" + key + "' (it leaves the store " + settings.rootUri() + ")");
    }
    return key;
  }

  private static Region region(S3Settings settings) {
    if (settings.region() != null) {
      return Region.of(settings.region());
    }
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkException e) {
      if (settings.endpoint() != null) {
        return Region.US_EAST_1;
      }
      throw new StoreException(
          ErrorCode.STORE_CONFIG,
          "S3 store: no region for bucket '"
              + settings.bucket()
              + "': set bunsui.store.s3.region (BUNSUI_S3_REGION) or AWS_REGION",
          e);
    }
  }
}

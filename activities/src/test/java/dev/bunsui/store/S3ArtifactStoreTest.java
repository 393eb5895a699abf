package dev.bunsui.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bunsui.failure.ErrorCode;
import dev.bunsui.support.Hashes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The S3 store against s3proxy over real HTTP with SigV4 authorization. */
class S3ArtifactStoreTest {
  private static final String BUCKET = "bunsui-artifacts";
  private static final long MIB = 1024 * 1024;

  @RegisterExtension final S3ProxyExtension server = S3TestSupport.server();
  @TempDir Path dir;

  private final S3TestSupport.RequestCounter requests = new S3TestSupport.RequestCounter();
  private S3ArtifactStore store;

  @BeforeEach
  void setUp() {
    S3TestSupport.createBucket(server.getUri(), BUCKET);
    store = open(S3TestSupport.settings(server.getUri(), BUCKET, "run/", 5 * MIB, null));
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private S3ArtifactStore open(S3Settings settings) {
    return new S3ArtifactStore(settings, S3TestSupport.credentials(), requests.asList());
  }

  @Test
  void contentGoesUnderItsHashBelowThePrefixAndReadsBackVerified() {
    byte[] md = "# Ownership\n\nEach value has an owner.\n".getBytes(StandardCharsets.UTF_8);

    ArtifactRef ref = store.put(md, "text/markdown; charset=utf-8", "md");

    String sha = Hashes.sha256(md);
    assertThat(ref.sha256()).isEqualTo(sha);
    assertThat(ref.size()).isEqualTo(md.length);
    assertThat(ref.mediaType()).isEqualTo("text/markdown; charset=utf-8");
    assertThat(ref.uri())
        .isEqualTo("s3://" + BUCKET + "/run/objects/" + sha.substring(0, 2) + "/" + sha + ".md");
    assertThat(store.key(ref)).isEqualTo("objects/" + sha.substring(0, 2) + "/" + sha + ".md");
    assertThat(store.get(ref)).isEqualTo(md);
    assertThat(store.exists(ref)).isTrue();
    assertThat(store.exists(new ArtifactRef(ref.uri(), sha, md.length + 1, "text/markdown")))
        .isFalse();
    assertThat(requests.count("PutObject")).isEqualTo(1);
    assertThat(requests.count("CreateMultipartUpload")).isZero();
  }

  @Test
  void namedEntriesAreReplacedAndAMissingOneIsEmpty() {
    assertThat(store.getNamed("books/b/manifest.json")).isEmpty();

    store.putNamed("books/b/manifest.json", "{\"v\":1}".getBytes(), "application/json");
    ArtifactRef second =
        store.putNamed("books/b/manifest.json", "{\"v\":2}".getBytes(), "application/json");

    assertThat(store.getNamed("books/b/manifest.json")).hasValue("{\"v\":2}".getBytes());
    assertThat(second.uri()).isEqualTo("s3://" + BUCKET + "/run/books/b/manifest.json");
    assertThat(store.get(second)).isEqualTo("{\"v\":2}".getBytes());
    assertThat(store.uriOf("books/b")).isEqualTo("s3://" + BUCKET + "/run/books/b");
  }

  @Test
  void uploadingTheSameContentAgainSendsNoSecondPut() throws Exception {
    byte[] png = new byte[4096];
    new Random(7).nextBytes(png);

    ArtifactRef first = store.put(png, "image/png", "png");
    Path file = Files.write(dir.resolve("same.png"), png);
    ArtifactRef fromFile = store.putFile(file, "image/png", "png");
    ArtifactRef again = store.put(png, "image/png", "png");

    assertThat(fromFile).isEqualTo(first);
    assertThat(again).isEqualTo(first);
    assertThat(requests.count("HeadObject")).isEqualTo(3);
    assertThat(requests.count("PutObject")).isEqualTo(1);
  }

  @Test
  void anObjectAboveTheThresholdGoesUpInPartsAndStreamsBack() throws Exception {
    byte[] big = new byte[(int) (12 * MIB)];
    new Random(42).nextBytes(big);
    Path file = Files.write(dir.resolve("big.bin"), big);

    ArtifactRef ref = store.putFile(file, "application/octet-stream", "bin");

    assertThat(ref.sha256()).isEqualTo(Hashes.sha256(big));
    assertThat(ref.size()).isEqualTo(big.length);
    // 12 MiB in 5 MiB parts: 5 + 5 + 2
    assertThat(requests.count("CreateMultipartUpload")).isEqualTo(1);
    assertThat(requests.count("UploadPart")).isEqualTo(3);
    assertThat(requests.count("CompleteMultipartUpload")).isEqualTo(1);
    assertThat(requests.count("PutObject")).isZero();

    Path back = dir.resolve("back.bin");
    store.download(ref, back);
    assertThat(Files.size(back)).isEqualTo(big.length);
    assertThat(Hashes.sha256(back)).isEqualTo(ref.sha256());
    assertThat(store.get(ref)).isEqualTo(big);

    requests.reset();
    assertThat(store.put(big, "application/octet-stream", "bin")).isEqualTo(ref);
    assertThat(requests.count("UploadPart") + requests.count("PutObject")).isZero();
  }

  @Test
  void aMissingBucketIsANonRetryableConfigErrorNamingBucketAndEndpoint() {
    try (S3ArtifactStore missing =
        open(S3TestSupport.settings(server.getUri(), "no-such-bucket", "", 5 * MIB, null))) {
      StoreException e =
          catchThrowableOfType(
              StoreException.class, () -> missing.put("x".getBytes(), "text/plain", "txt"));

      assertThat(e.code()).isEqualTo(ErrorCode.STORE_CONFIG);
      assertThat(e.code().retryable()).isFalse();
      assertThat(e.getMessage())
          .contains("bucket 'no-such-bucket' does not exist")
          .contains(server.getUri().toString())
          .contains("BUNSUI_S3_BUCKET");
      assertThatThrownBy(() -> missing.getNamed("books/x/manifest.json"))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("bucket 'no-such-bucket' does not exist");
    }
  }

  @Test
  void wrongCredentialsAreANonRetryableAccessDeniedErrorSentOnce() {
    S3Settings settings = S3TestSupport.settings(server.getUri(), BUCKET, "run/", 5 * MIB, null);
    var wrong = StaticCredentialsProvider.create(AwsBasicCredentials.create("intruder", "wrong"));
    S3TestSupport.RequestCounter denied = new S3TestSupport.RequestCounter();
    ArtifactRef stored = store.put("kept".getBytes(), "text/plain", "txt");

    try (S3ArtifactStore intruder = new S3ArtifactStore(settings, wrong, denied.asList())) {
      StoreException put =
          catchThrowableOfType(
              StoreException.class, () -> intruder.put("x".getBytes(), "text/plain", "txt"));
      StoreException read = catchThrowableOfType(StoreException.class, () -> intruder.get(stored));

      assertThat(put.code()).isEqualTo(ErrorCode.STORE_ACCESS_DENIED);
      assertThat(put.code().retryable()).isFalse();
      assertThat(put.getMessage())
          .contains("was refused (HTTP 403")
          .contains("s3://" + BUCKET + "/run/objects/")
          .contains("AWS_ACCESS_KEY_ID");
      assertThat(read.code()).isEqualTo(ErrorCode.STORE_ACCESS_DENIED);
      assertThat(read.getMessage()).contains("InvalidAccessKeyId");
      assertThatThrownBy(() -> intruder.exists(stored))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("refused");
      // a 403 is not retried by the SDK either: one request per call (HEAD of put and exists, GET)
      assertThat(denied.count("HeadObject")).isEqualTo(2);
      assertThat(denied.count("GetObject")).isEqualTo(1);
      assertThat(denied.count("PutObject")).isZero();
    }
  }

  @Test
  void aPresignedUrlIsFetchableWithAPlainGetAndTheBareUrlIsNot() throws Exception {
    try (S3ArtifactStore presigning =
        open(
            S3TestSupport.settings(
                server.getUri(), BUCKET, "run", 5 * MIB, Duration.ofMinutes(10)))) {
      String html = "<!DOCTYPE html><title>book</title>";
      presigning.putNamed("books/b/index.html", html.getBytes(), "text/html; charset=utf-8");

      String url = presigning.downloadUrl("books/b/index.html").orElseThrow();

      assertThat(url)
          .startsWith(server.getUri() + "/" + BUCKET + "/run/books/b/index.html?")
          .contains("X-Amz-Expires=600")
          .contains("X-Amz-Signature=");
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> ok =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).isEqualTo(html);
      assertThat(ok.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
      HttpResponse<String> bare =
          http.send(
              HttpRequest.newBuilder(URI.create(url.substring(0, url.indexOf('?')))).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(bare.statusCode()).isEqualTo(403);
    }
    assertThat(store.downloadUrl("books/b/index.html")).isEmpty();
  }

  @Test
  void unsafeKeysAndForeignReferencesAreRefused() {
    assertThatThrownBy(() -> store.putNamed("../escape.txt", new byte[] {1}, "text/plain"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("unsafe artifact key '../escape.txt'");
    assertThatThrownBy(() -> store.uriOf("/abs"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("unsafe artifact key");
    ArtifactRef foreign =
        new ArtifactRef("s3://other-bucket/run/objects/x.txt", "0".repeat(64), 1, "t");
    assertThatThrownBy(() -> store.key(foreign))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("outside the store s3://" + BUCKET + "/run/");
    assertThat(store.exists(foreign)).isFalse();
  }

  @Test
  void anUnreachableEndpointIsARetryableIoError() throws Exception {
    URI closed;
    try (var socket = new java.net.ServerSocket(0)) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
    try (S3ArtifactStore unreachable =
        open(S3TestSupport.settings(closed, BUCKET, "", 5 * MIB, null))) {
      StoreException e =
          catchThrowableOfType(
              StoreException.class, () -> unreachable.put("x".getBytes(), "text/plain", "txt"));

      assertThat(e.code()).isEqualTo(ErrorCode.STORE_IO);
      assertThat(e.code().retryable()).isTrue();
      assertThat(e.getMessage())
          .contains("check of s3://" + BUCKET + "/objects/")
          .contains(closed.toString());
      // the SDK tries twice at most; Temporal owns further retries
      assertThat(requests.count("HeadObject")).isEqualTo(S3ArtifactStore.MAX_ATTEMPTS);
    }
  }
}

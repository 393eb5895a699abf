package dev.bunsui.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bunsui.aggregate.Manifest;
import dev.bunsui.aggregate.ManifestEntry;
import dev.bunsui.aggregate.SectionRecord;
import dev.bunsui.book.BookResult;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.support.Hashes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The sample book through the real workflows and activities with the artifact store in S3 (s3proxy
 * over real HTTP with SigV4 authorization), wired as the worker wires it ({@code bunsui.store.type:
 * s3}, credentials from the SDK's default chain, here its system properties).
 */
class S3BookPipelineTest {
  private static final String BUCKET = "bunsui-books";
  private static final String ACCESS_KEY = "bunsui-test";
  private static final String SECRET_KEY = "bunsui-test-secret";

  /** {@code ignoreUnknownHeaders}: s3proxy answers 501 to the SDK's multipart checksum header. */
  @RegisterExtension
  final S3ProxyExtension server =
      S3ProxyExtension.builder()
          .withCredentials(ACCESS_KEY, SECRET_KEY)
          .ignoreUnknownHeaders()
          .build();

  @TempDir Path dir;
  private S3Client admin;

  @BeforeEach
  void setUp() {
    System.setProperty("aws.accessKeyId", ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", SECRET_KEY);
    admin =
        S3Client.builder()
            .endpointOverride(server.getUri())
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .build();
    admin.createBucket(b -> b.bucket(BUCKET));
  }

  @AfterEach
  void tearDown() {
    admin.close();
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @Test
  void theSampleBookRunsEndToEndWithEveryOutputInTheBucket() throws Exception {
    Path book =
        Path.of(System.getProperty("bunsui.projectRoot", ".."))
            .toAbsolutePath()
            .normalize()
            .resolve("samples/durable-pipelines");
    Path local = dir.resolve("out");
    BunsuiProperties.Store settings =
        new BunsuiProperties.Store(
            local,
            BunsuiProperties.StoreType.S3,
            new BunsuiProperties.S3(
                BUCKET,
                "runs/",
                "us-east-1",
                server.getUri().toString(),
                true,
                DataSize.ofMegabytes(8),
                Duration.ofMinutes(15)));

    try (BookPipelineHarness harness = new BookPipelineHarness(local, settings)) {
      BookResult result = harness.run("book-s3-sample", book);
      Manifest manifest = harness.manifest(result);
      List<SectionRecord> sections = harness.sections(manifest);

      String folder = "runs/books/" + manifest.bookId() + "/";
      assertThat(result.outputDir())
          .isEqualTo("s3://" + BUCKET + "/" + folder.replaceAll("/$", ""));
      assertThat(result.manifest().uri())
          .isEqualTo("s3://" + BUCKET + "/" + folder + "manifest.json");
      assertThat(result.sectionsDone()).isPositive();
      assertThat(result.figures()).isPositive();
      assertThat(sections).isNotEmpty();

      Set<String> keys =
          admin.listObjectsV2Paginator(r -> r.bucket(BUCKET)).contents().stream()
              .map(S3Object::key)
              .collect(Collectors.toSet());
      assertThat(keys)
          .contains(folder + "manifest.json", folder + "index.html", folder + "metadata.json");
      assertThat(manifest.outputs()).isNotEmpty();
      assertThat(manifest.outputs().stream().map(ManifestEntry::kind))
          .contains("ARTICLE", "FIGURE", "THUMBNAIL");
      HttpClient http = HttpClient.newHttpClient();
      for (ManifestEntry e : manifest.outputs()) {
        assertThat(keys).contains("runs/" + e.key());
        assertThat(e.uri()).isEqualTo("s3://" + BUCKET + "/runs/" + e.key());
        assertThat(
                harness.store.exists(new ArtifactRef(e.uri(), e.sha256(), e.size(), e.mediaType())))
            .isTrue();
        assertThat(e.url()).contains("X-Amz-Signature=");
      }
      // a presigned link serves the output's bytes to a plain GET, without credentials
      ManifestEntry figure =
          manifest.outputs().stream()
              .filter(e -> e.kind().equals("FIGURE"))
              .findFirst()
              .orElseThrow();
      HttpResponse<byte[]> png =
          http.send(
              HttpRequest.newBuilder(URI.create(figure.url())).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(png.statusCode()).isEqualTo(200);
      assertThat(Hashes.sha256(png.body())).isEqualTo(figure.sha256());

      // the index opens from its presigned link and links presigned outputs, not bare paths
      HttpResponse<String> index =
          http.send(
              HttpRequest.newBuilder(URI.create(manifest.indexUrl())).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(index.statusCode()).isEqualTo(200);
      assertThat(index.body())
          .contains("<h1>" + manifest.title())
          .contains(server.getUri() + "/" + BUCKET + "/" + folder + "manifest.json?")
          .contains(server.getUri() + "/" + BUCKET + "/runs/objects/")
          .doesNotContain("src=\"../../");

      // nothing went to the local folder
      assertThat(Files.exists(local.resolve("books"))).isFalse();
    }
  }
}

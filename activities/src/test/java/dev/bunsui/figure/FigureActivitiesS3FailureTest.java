package dev.bunsui.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bunsui.book.FigureOutline;
import dev.bunsui.book.FigureRequest;
import dev.bunsui.book.FigureType;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.S3ArtifactStore;
import dev.bunsui.store.S3Settings;
import dev.bunsui.store.S3TestSupport;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * An activity on the S3 store fails with a non-retryable, typed {@code ApplicationFailure} when the
 * bucket is missing or the credentials are refused, so Temporal does not retry it forever.
 */
class FigureActivitiesS3FailureTest {
  private static final String SVG =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"></svg>";

  @RegisterExtension final S3ProxyExtension server = S3TestSupport.server();

  @Test
  void refusedCredentialsFailTheActivityWithNonRetryableStoreAccessDenied() {
    S3TestSupport.createBucket(server.getUri(), "figures");
    S3Settings settings = S3TestSupport.settings(server.getUri(), "figures", "", 8 << 20, null);
    ArtifactRef source;
    try (S3ArtifactStore owner =
        new S3ArtifactStore(settings, S3TestSupport.credentials(), List.of())) {
      source = owner.put(SVG.getBytes(), "image/svg+xml", "svg");
    }
    var wrong = StaticCredentialsProvider.create(AwsBasicCredentials.create("bunsui-test", "x"));
    try (S3ArtifactStore store = new S3ArtifactStore(settings, wrong, List.of())) {
      ApplicationFailure f = convert(store, source);

      assertThat(f.getType()).isEqualTo("STORE_ACCESS_DENIED");
      assertThat(f.isNonRetryable()).isTrue();
      assertThat(f.getOriginalMessage())
          .startsWith("src/ch01.md:5: figure ch01#fig-1: read of s3://figures/objects/")
          .contains("was refused (HTTP 403");
    }
  }

  @Test
  void aMissingBucketFailsTheActivityWithNonRetryableStoreConfig() {
    S3Settings settings = S3TestSupport.settings(server.getUri(), "gone", "", 8 << 20, null);
    try (S3ArtifactStore store =
        new S3ArtifactStore(settings, S3TestSupport.credentials(), List.of())) {
      ArtifactRef source =
          new ArtifactRef(
              store.uriOf("objects/ab/" + "ab".repeat(32) + ".svg"),
              "ab".repeat(32),
              10,
              "image/svg+xml");
      ApplicationFailure f = convert(store, source);

      assertThat(f.getType()).isEqualTo("STORE_CONFIG");
      assertThat(f.isNonRetryable()).isTrue();
      assertThat(f.getOriginalMessage())
          .contains("bucket 'gone' does not exist at " + server.getUri());
    }
  }

  private static ApplicationFailure convert(S3ArtifactStore store, ArtifactRef source) {
    FigureActivitiesImpl activities = new FigureActivitiesImpl(store, FigureTestSupport.service());
    FigureOutline figure =
        new FigureOutline(
            "ch01#fig-1", FigureType.SVG, "src/ch01.md", 5, "img/fig.svg", "", source);
    return catchThrowableOfType(
        ApplicationFailure.class,
        () -> activities.convertFigure(new FigureRequest(null, "ch01", figure)));
  }
}

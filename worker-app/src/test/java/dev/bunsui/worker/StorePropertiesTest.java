package dev.bunsui.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bunsui.failure.ErrorCode;
import dev.bunsui.store.LocalArtifactStore;
import dev.bunsui.store.S3Settings;
import dev.bunsui.store.StoreException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The {@code bunsui.store.*} keys of the worker's {@code application.yml}, bound as Spring binds
 * them, with the environment variables they name.
 */
class StorePropertiesTest {
  @TempDir Path dir;

  private static BunsuiProperties bind(Map<String, Object> environment) throws Exception {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().addFirst(new MapPropertySource("environment", environment));
    for (PropertySource<?> yaml :
        new YamlPropertySourceLoader()
            .load("application.yml", new ClassPathResource("application.yml"))) {
      env.getPropertySources().addLast(yaml);
    }
    return Binder.get(env).bind("bunsui", BunsuiProperties.class).get();
  }

  @Test
  void theDefaultIsTheLocalStoreWithS3DefaultsInPlace() throws Exception {
    BunsuiProperties.Store store = bind(Map.of()).store();

    assertThat(store.type()).isEqualTo(BunsuiProperties.StoreType.LOCAL);
    assertThat(store.root().normalize()).isEqualTo(Path.of("out"));
    assertThat(store.s3().multipartThreshold().toBytes()).isEqualTo(8L * 1024 * 1024);
    assertThat(store.s3().presignDuration()).isEqualTo(Duration.ZERO);
    assertThat(store.s3().pathStyle()).isFalse();
  }

  @Test
  void theS3KeysComeFromTheirEnvironmentVariables() throws Exception {
    BunsuiProperties.Store store =
        bind(Map.of(
                "BUNSUI_STORE", "s3",
                "BUNSUI_S3_BUCKET", "books",
                "BUNSUI_S3_PREFIX", "bunsui/",
                "BUNSUI_S3_REGION", "eu-west-1",
                "BUNSUI_S3_ENDPOINT", "http://localhost:9000",
                "BUNSUI_S3_PATH_STYLE", "true",
                "BUNSUI_S3_MULTIPART_THRESHOLD", "16MB",
                "BUNSUI_S3_PRESIGN_DURATION", "2h"))
            .store();

    assertThat(store.type()).isEqualTo(BunsuiProperties.StoreType.S3);
    S3Settings s = WorkerConfiguration.s3Settings(store.s3());
    assertThat(s)
        .isEqualTo(
            new S3Settings(
                "books",
                "bunsui/",
                "eu-west-1",
                URI.create("http://localhost:9000"),
                true,
                16L * 1024 * 1024,
                Duration.ofHours(2)));
  }

  @Test
  void anS3StoreWithoutABucketStopsStartupNamingTheKey() {
    BunsuiProperties props =
        new BunsuiProperties(
            new BunsuiProperties.Store(
                dir, BunsuiProperties.StoreType.S3, BunsuiProperties.S3.none()),
            null,
            null,
            null,
            null,
            null,
            null);

    StoreException e =
        catchThrowableOfType(
            StoreException.class, () -> new WorkerConfiguration().artifactStore(props));

    assertThat(e.code()).isEqualTo(ErrorCode.STORE_CONFIG);
    assertThat(e.getMessage()).contains("bunsui.store.s3.bucket").contains("BUNSUI_S3_BUCKET");
    assertThat(new WorkerConfiguration().artifactStore(bindLocal(dir)))
        .isInstanceOf(LocalArtifactStore.class);
  }

  private static BunsuiProperties bindLocal(Path root) {
    return new BunsuiProperties(
        new BunsuiProperties.Store(root), null, null, null, null, null, null);
  }
}

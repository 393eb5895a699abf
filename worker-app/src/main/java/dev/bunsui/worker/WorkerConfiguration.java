package dev.bunsui.worker;

import dev.bunsui.activity.BookActivitiesImpl;
import dev.bunsui.activity.SectionActivitiesImpl;
import dev.bunsui.aggregate.BookAggregator;
import dev.bunsui.aggregate.ChapterAggregator;
import dev.bunsui.aggregate.SectionRecorder;
import dev.bunsui.failure.ErrorCode;
import dev.bunsui.figure.FigureActivitiesImpl;
import dev.bunsui.figure.FigureService;
import dev.bunsui.figure.FigureSettings;
import dev.bunsui.generate.GenerationService;
import dev.bunsui.llm.LlmSettings;
import dev.bunsui.llm.ProviderSettings;
import dev.bunsui.metrics.Metrics;
import dev.bunsui.parse.BookParseService;
import dev.bunsui.parse.ParseSettings;
import dev.bunsui.store.ArtifactStore;
import dev.bunsui.store.LocalArtifactStore;
import dev.bunsui.store.S3ArtifactStore;
import dev.bunsui.store.S3Settings;
import dev.bunsui.store.StoreException;
import dev.bunsui.thumbnail.ThumbnailRenderer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the plain services from {@link BunsuiProperties} and exposes the activity beans that
 * {@code spring.temporal.workers[*].activity-beans} registers. The activities report to the {@link
 * Metrics} bean ({@code dev.bunsui.worker.metrics.MetricsConfiguration}).
 */
@Configuration
public class WorkerConfiguration {

  /**
   * The artifact store {@code bunsui.store.type} names: the local folder, or the S3 bucket (closed
   * with the context).
   *
   * @throws dev.bunsui.store.StoreException {@code STORE_CONFIG} when the S3 settings are invalid
   */
  @Bean
  ArtifactStore artifactStore(BunsuiProperties props) {
    BunsuiProperties.Store store = props.store();
    return switch (store.type()) {
      case LOCAL -> new LocalArtifactStore(store.root());
      case S3 -> S3ArtifactStore.open(s3Settings(store.s3()));
    };
  }

  /** The store's settings from {@code bunsui.store.s3.*}; blank strings mean unset. */
  static S3Settings s3Settings(BunsuiProperties.S3 s3) {
    String endpoint = s3.endpoint() == null ? "" : s3.endpoint().strip();
    URI uri;
    try {
      uri = endpoint.isEmpty() ? null : URI.create(endpoint);
    } catch (IllegalArgumentException e) {
      throw new StoreException(
          ErrorCode.STORE_CONFIG,
          "bunsui.store.s3.endpoint (BUNSUI_S3_ENDPOINT) '" + endpoint + "' is not a URL: " + e,
          e);
    }
    return new S3Settings(
        s3.bucket(),
        s3.prefix(),
        s3.region(),
        uri,
        s3.pathStyle(),
        s3.multipartThreshold().toBytes(),
        s3.presignDuration());
  }

  @Bean
  BookActivitiesImpl bookActivities(ArtifactStore store, BunsuiProperties props, Metrics metrics) {
    BunsuiProperties.Parse p = props.parse();
    return new BookActivitiesImpl(
        store,
        new BookParseService(store, new ParseSettings(p.maxBookBytes(), p.allowRemoteImages())),
        new ThumbnailRenderer(props.thumbnail().fontFile()),
        new ChapterAggregator(store),
        new BookAggregator(store, Clock.systemUTC()),
        metrics);
  }

  @Bean
  SectionActivitiesImpl sectionActivities(
      ArtifactStore store, BunsuiProperties props, Metrics metrics) {
    return new SectionActivitiesImpl(
        new GenerationService(store, llmSettings(props.llm()), metrics),
        new SectionRecorder(store));
  }

  @Bean
  FigureActivitiesImpl figureActivities(
      ArtifactStore store, BunsuiProperties props, Metrics metrics) {
    FigureSettings defaults = FigureSettings.defaults(projectRoot());
    BunsuiProperties.Figures f = props.figures();
    FigureSettings settings =
        new FigureSettings(
            f.mermaidCommand() != null ? f.mermaidCommand() : defaults.mermaidCommand(),
            f.chromium() != null ? f.chromium() : defaults.chromiumPath(),
            f.renderTimeout(),
            f.maxPixels());
    return new FigureActivitiesImpl(store, new FigureService(settings), metrics);
  }

  static LlmSettings llmSettings(BunsuiProperties.Llm llm) {
    Map<String, ProviderSettings> providers = new LinkedHashMap<>();
    if (llm.providers() != null) {
      llm.providers()
          .forEach(
              (name, p) ->
                  providers.put(
                      name,
                      new ProviderSettings(
                          p.baseUrl(),
                          p.apiKey(),
                          p.model(),
                          p.timeout() == null ? Duration.ofSeconds(120) : p.timeout(),
                          p.temperature())));
    }
    return new LlmSettings(llm.defaultProvider(), providers, llm.promptsDir());
  }

  /** The project folder (where {@code .tools/} lives): {@code bunsui.home}, else the cwd. */
  static Path projectRoot() {
    return Path.of(System.getProperty("bunsui.home", ".")).toAbsolutePath().normalize();
  }
}

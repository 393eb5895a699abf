package dev.bunsui.generate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bunsui.book.BookContext;
import dev.bunsui.book.GenerateRequest;
import dev.bunsui.book.OutputKind;
import dev.bunsui.llm.ChatProviders;
import dev.bunsui.llm.LlmSettings;
import dev.bunsui.llm.ProviderSettings;
import dev.bunsui.metrics.LlmPrices;
import dev.bunsui.metrics.MetricNames;
import dev.bunsui.metrics.MicrometerMetrics;
import dev.bunsui.metrics.Price;
import dev.bunsui.parse.SectionContent;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.LocalArtifactStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LLM metrics from real requests to a fake OpenAI server: requests, the tokens the server reports,
 * the cost at the configured price, failures by error code, and nothing for step cache hits.
 */
class GenerationMetricsTest {
  @TempDir Path dir;
  WireMockServer wm;
  SimpleMeterRegistry registry = new SimpleMeterRegistry();
  LocalArtifactStore store;
  GenerationService service;
  SectionContent content;
  ArtifactRef contentRef;
  ArtifactRef analysisRef;
  BookContext openai = TestSections.book("en", "openai", "gpt-test");

  @BeforeEach
  void setUp() {
    wm = new WireMockServer(options().dynamicPort());
    wm.start();
    store = new LocalArtifactStore(dir.resolve("out"));
    content =
        TestSections.section(
            "s1",
            "Ownership",
            "en",
            "Each value in Rust has an owner. There can only be one owner at a time.\n");
    contentRef = TestSections.store(store, content);
    // price: $2 per million input tokens, $8 per million output tokens
    LlmPrices prices = new LlmPrices(Map.of("openai", Map.of("gpt-test", new Price(2.0, 8.0))));
    ProviderSettings ps =
        new ProviderSettings(wm.baseUrl() + "/v1", "sk-test", null, Duration.ofSeconds(10), 0.2);
    service =
        new GenerationService(
            store,
            new LlmSettings("extractive", Map.of("openai", ps), null),
            new ChatProviders(name -> null, Clock.systemUTC()),
            new MicrometerMetrics(registry, prices));
    analysisRef =
        new GenerationService(store, LlmSettings.defaults())
            .analyze(TestSections.task(TestSections.book("en", null, null), contentRef, content));
  }

  @AfterEach
  void tearDown() {
    wm.stop();
  }

  private void article() {
    service.generate(
        new GenerateRequest(
            openai, content.id(), content.title(), contentRef, analysisRef, OutputKind.ARTICLE));
  }

  private double count(String name, String... tags) {
    var c = registry.find(name).tags(tags).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void requestsTokensAndCostFollowTheProvidersUsageAndCacheHitsAddNothing() {
    FakeOpenAi.answer(wm, "# Ownership\n\nEach value has one owner at a time.\n");
    article();
    article(); // a step cache hit: no request

    assertThat(FakeOpenAi.calls(wm)).isEqualTo(1);
    String[] model = {"provider", "openai", "model", "gpt-test"};
    assertThat(count(MetricNames.LLM_REQUESTS, "provider", "openai", "outcome", "success"))
        .isEqualTo(1.0);
    assertThat(count(MetricNames.LLM_TOKENS, "provider", "openai", "direction", "input"))
        .isEqualTo(123.0);
    assertThat(count(MetricNames.LLM_TOKENS, "provider", "openai", "direction", "output"))
        .isEqualTo(45.0);
    // 123 × $2/M + 45 × $8/M
    assertThat(count(MetricNames.LLM_COST, model)).isCloseTo(0.000606, withinTiny());
    assertThat(registry.find(MetricNames.LLM_REQUEST_DURATION).tags(model).timer().count())
        .isEqualTo(1);
    assertThat(count(MetricNames.STEP_CACHE_LOOKUPS, "step", "article", "result", "miss"))
        .isEqualTo(1.0);
    assertThat(count(MetricNames.STEP_CACHE_LOOKUPS, "step", "article", "result", "hit"))
        .isEqualTo(1.0);
  }

  @Test
  void aFailedRequestIsCountedByItsErrorCodeWithoutTokens() {
    wm.stubFor(
        post(urlEqualTo(FakeOpenAi.PATH))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"message\":\"bad key\",\"type\":\"x\"}}")));
    ApplicationFailure e = catchThrowableOfType(ApplicationFailure.class, this::article);

    assertThat(e.getType()).isEqualTo("LLM_AUTH");
    assertThat(count(MetricNames.LLM_REQUESTS, "provider", "openai", "outcome", "LLM_AUTH"))
        .isEqualTo(1.0);
    assertThat(count(MetricNames.LLM_REQUESTS, "outcome", "success")).isZero();
    assertThat(count(MetricNames.LLM_TOKENS, "provider", "openai", "direction", "input")).isZero();
  }

  private static org.assertj.core.data.Offset<Double> withinTiny() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }
}

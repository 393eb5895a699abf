package dev.bunsui.worker.tracing;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tracing, on only when {@code bunsui.tracing.otlp-endpoint} ({@code BUNSUI_OTLP_ENDPOINT}) names
 * an OTLP/HTTP collector ({@code http://host:4318}; {@code /v1/traces} is added when the URL has no
 * path). It provides the {@link OpenTelemetry} SDK bean (W3C trace context, service name {@code
 * bunsui-worker}, spans batched to the collector); the Temporal Spring Boot starter's {@code
 * OpenTracingAutoConfiguration} wraps it in the OpenTelemetry OpenTracing shim and adds
 * temporal-opentracing's client and worker interceptors, so starting a workflow, running it (child
 * workflows included) and each activity are spans of one trace, continued from the caller's context
 * in the workflow's headers. The SDK is also installed as {@link GlobalOpenTelemetry}, which the
 * LLM HTTP client uses for its outgoing request spans ({@code dev.bunsui.llm.HttpTracing}). Extra
 * {@link SpanProcessor} beans (tests) receive the spans too.
 */
@Configuration
@ConditionalOnExpression("!'${bunsui.tracing.otlp-endpoint:}'.isBlank()")
public class TracingConfiguration {
  private static final Logger log = LoggerFactory.getLogger(TracingConfiguration.class);

  /**
   * The OpenTelemetry SDK exporting to the collector.
   *
   * @param endpoint collector base URL or full {@code /v1/traces} URL
   * @param extra more span processors (none in production)
   * @throws IllegalArgumentException when the endpoint is not an http(s) URL
   */
  @Bean(destroyMethod = "close")
  OpenTelemetrySdk openTelemetry(
      @Value("${bunsui.tracing.otlp-endpoint}") String endpoint,
      ObjectProvider<SpanProcessor> extra) {
    String url = tracesUrl(endpoint);
    SdkTracerProviderBuilder tracers =
        SdkTracerProvider.builder()
            .setResource(
                Resource.getDefault()
                    .merge(
                        Resource.create(
                            Attributes.of(
                                AttributeKey.stringKey("service.name"), "bunsui-worker"))))
            .addSpanProcessor(
                BatchSpanProcessor.builder(
                        OtlpHttpSpanExporter.builder()
                            .setEndpoint(url)
                            .setTimeout(Duration.ofSeconds(10))
                            .build())
                    .build());
    extra.orderedStream().forEach(tracers::addSpanProcessor);
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(tracers.build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    try {
      GlobalOpenTelemetry.set(sdk);
    } catch (IllegalStateException e) {
      log.warn("OpenTelemetry was already installed in this process; LLM HTTP spans go there");
    }
    log.info("tracing on: spans exported to {}", url);
    return sdk;
  }

  /** The OTLP/HTTP traces URL of an endpoint. */
  static String tracesUrl(String endpoint) {
    URI uri;
    try {
      uri = URI.create(endpoint.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "bunsui.tracing.otlp-endpoint is not a URL: " + endpoint, e);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "bunsui.tracing.otlp-endpoint must be an http(s) URL of an OTLP/HTTP collector"
              + " (http://host:4318): "
              + endpoint);
    }
    String path = uri.getPath();
    if (path == null || path.isEmpty() || "/".equals(path)) {
      return endpoint.strip().replaceAll("/$", "") + "/v1/traces";
    }
    return endpoint.strip();
  }
}

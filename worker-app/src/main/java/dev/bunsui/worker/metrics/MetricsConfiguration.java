package dev.bunsui.worker.metrics;

import dev.bunsui.metrics.Metrics;
import dev.bunsui.metrics.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The project's metrics ({@link Metrics}) over Spring Boot's Micrometer registry, which the
 * actuator serves at {@code /actuator/prometheus} together with the Temporal SDK's metrics (the
 * Temporal Spring Boot starter's {@code MetricsScopeAutoConfiguration} turns the same registry into
 * the SDK's metrics scope, reported every 10 s). Without a registry, metrics are a no-op.
 */
@Configuration
public class MetricsConfiguration {

  /** The metrics every service and activity reports to. */
  @Bean
  Metrics bunsuiMetrics(ObjectProvider<MeterRegistry> registry, LlmPriceProperties prices) {
    MeterRegistry r = registry.getIfAvailable();
    return r == null ? Metrics.NOOP : new MicrometerMetrics(r, prices.toPrices());
  }

  /**
   * Times every activity execution; the Temporal Spring Boot autoconfiguration adds every {@code
   * WorkerInterceptor} bean to the worker factory. Ordered last, so it wraps the other interceptors
   * (the fault switch's failures are measured too).
   */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  StepMetricsInterceptor stepMetricsInterceptor(Metrics metrics) {
    return new StepMetricsInterceptor(metrics);
  }
}

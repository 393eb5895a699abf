package dev.bunsui.worker.heartbeat;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link HeartbeatInterceptor}; the Temporal Spring Boot autoconfiguration adds every
 * {@code WorkerInterceptor} bean to the worker factory.
 */
@Configuration
public class HeartbeatConfiguration {
  @Bean
  HeartbeatInterceptor heartbeatInterceptor(
      @Value("${bunsui.worker.heartbeat-interval:5s}") Duration interval) {
    return new HeartbeatInterceptor(interval);
  }
}

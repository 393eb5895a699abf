package dev.bunsui.worker.fault;

import dev.bunsui.failure.ErrorCode;
import dev.bunsui.worker.BunsuiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the fault switch ({@code bunsui.faults.fail-activities}) as a worker interceptor: the
 * Temporal Spring Boot autoconfiguration adds every {@code WorkerInterceptor} bean to the worker
 * factory. A WARN at startup lists the faulted activity types; an unknown name stops startup.
 */
@Configuration
public class FaultConfiguration {
  private static final Logger log = LoggerFactory.getLogger(FaultConfiguration.class);

  /**
   * The interceptor.
   *
   * @throws IllegalArgumentException when the list names an unknown activity type
   */
  @Bean
  FaultInjectionInterceptor faultInjectionInterceptor(BunsuiProperties props) {
    FaultInjectionInterceptor interceptor =
        FaultInjectionInterceptor.forWorkerActivities(props.faults().failActivities());
    if (!interceptor.faulted().isEmpty()) {
      log.warn(
          "fault switch on: every execution of activity types {} fails with {} ({}); remove them"
              + " and restart the worker to run them again",
          interceptor.faulted(),
          ErrorCode.FAULT_INJECTED,
          FaultInjectionInterceptor.PROPERTY);
    }
    return interceptor;
  }
}

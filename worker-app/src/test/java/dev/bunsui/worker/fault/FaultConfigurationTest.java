package dev.bunsui.worker.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bunsui.worker.BunsuiProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Binding of {@code bunsui.faults.fail-activities} and the startup check. */
class FaultConfigurationTest {
  @Configuration
  @EnableConfigurationProperties(BunsuiProperties.class)
  static class Props {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Props.class, FaultConfiguration.class);

  @Test
  void aCommaSeparatedListIsBound() {
    runner
        .withPropertyValues("bunsui.faults.fail-activities=ConvertFigure, GenerateArticle")
        .run(
            context ->
                assertThat(context.getBean(FaultInjectionInterceptor.class).faulted())
                    .containsExactly("ConvertFigure", "GenerateArticle"));
  }

  @Test
  void unsetOrEmptyMeansNoFaults() {
    runner.run(
        context ->
            assertThat(context.getBean(FaultInjectionInterceptor.class).faulted()).isEmpty());
    runner
        .withPropertyValues("bunsui.faults.fail-activities=")
        .run(
            context ->
                assertThat(context.getBean(FaultInjectionInterceptor.class).faulted()).isEmpty());
  }

  @Test
  void anUnknownActivityTypeStopsStartupNamingTheValidOnes() {
    runner
        .withPropertyValues("bunsui.faults.fail-activities=ConvertFigures")
        .run(
            context -> {
              assertThat(context).hasFailed();
              Throwable root = context.getStartupFailure();
              while (root.getCause() != null) {
                root = root.getCause();
              }
              assertThat(root)
                  .isInstanceOf(IllegalArgumentException.class)
                  .hasMessageContaining("unknown activity types [ConvertFigures]")
                  .hasMessageContaining("valid activity types are [AggregateBook,")
                  .hasMessageContaining("ConvertFigure,");
            });
  }
}

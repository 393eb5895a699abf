package dev.bunsui.cli.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bunsui.cli.Temporal;
import dev.bunsui.cli.guard.Guardrails;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The HTTP API as a Spring Boot web application. The CLI stays picocli; only {@code bunsui serve}
 * (and tests) start this application, handing it the Temporal connection and the guard rails.
 *
 * <p>Settings: JSON is snake_case and unknown request fields are refused; streams have no async
 * timeout (a job can wait days for an approval); the OpenAPI document is served by springdoc at
 * {@code /v3/api-docs} (and {@code /v3/api-docs.yaml}).
 */
@SpringBootApplication
public class ApiServer {

  /**
   * What the application needs from its caller.
   *
   * @param temporal the connection (owned by the caller, which closes it)
   * @param guard the guard rails of the serving process
   * @param host the address to bind ({@code 127.0.0.1} keeps the API local)
   * @param port the port; 0 for a free one
   * @param pollInterval how often streams and sync requests poll a run
   * @param version the bunsui version for {@code /health}
   */
  public record Settings(
      Temporal temporal,
      Guardrails guard,
      String host,
      int port,
      Duration pollInterval,
      String version) {}

  /**
   * Starts the API.
   *
   * @param settings the connection, guard rails, address and poll interval
   * @return the running application; close it to stop
   */
  public static ConfigurableApplicationContext start(Settings settings) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("server.address", settings.host());
    props.put("server.port", settings.port());
    props.put("spring.jackson.property-naming-strategy", "SNAKE_CASE");
    props.put("spring.jackson.deserialization.fail-on-unknown-properties", true);
    props.put("spring.jackson.serialization.write-dates-as-timestamps", false);
    props.put("spring.mvc.async.request-timeout", "-1");
    // each open stream holds a thread: let the pool grow instead of queueing streams
    props.put("spring.task.execution.pool.core-size", 8);
    props.put("spring.task.execution.pool.max-size", 256);
    props.put("spring.task.execution.pool.queue-capacity", 0);
    props.put("springdoc.api-docs.path", "/v3/api-docs");
    props.put("spring.main.banner-mode", "off");
    return new SpringApplicationBuilder(ApiServer.class)
        .bannerMode(Banner.Mode.OFF)
        .properties(props)
        .initializers(
            ctx -> {
              ctx.getBeanFactory().registerSingleton("bunsuiSettings", settings);
              ctx.getBeanFactory()
                  .registerSingleton("apiInfo", new ApiInfo(settings.version(), Instant.now()));
            })
        .run();
  }

  /**
   * The port the application listens on.
   *
   * @param context a context from {@link #start}
   * @return the bound port
   */
  public static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  @Bean
  JobService jobService(Settings settings, ObjectMapper json) {
    return new JobService(settings.temporal(), settings.guard(), settings.pollInterval(), json);
  }

  @Bean
  OpenAPI bunsuiOpenApi(ApiInfo info) {
    return new OpenAPI()
        .info(
            new Info()
                .title("bunsui HTTP API")
                .version(info.version())
                .description(
                    "Start and follow durable pipeline runs (jobs) on Temporal: templates such as"
                        + " campaign_automation, and the book pipeline. Errors are RFC 9457"
                        + " problem details naming the field at fault."));
  }
}

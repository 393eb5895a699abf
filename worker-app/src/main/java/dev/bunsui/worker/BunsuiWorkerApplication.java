package dev.bunsui.worker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The bunsui worker: registers the book workflows on task queue {@code bunsui-book} and their
 * activities on {@code bunsui-llm}, {@code bunsui-media} and {@code bunsui-io} (see {@code
 * spring.temporal.workers} in {@code application.yml}) of the Temporal server at {@code
 * spring.temporal.connection.target}.
 *
 * <p>With {@code --bunsui.embedded.enabled=true} it first starts the SDK's in-JVM test server on
 * {@code --bunsui.embedded.port} (0 for a free port) and connects to it: the embedded default the
 * {@code bunsui} CLI uses when no server answers.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BunsuiWorkerApplication {
  private static final String TARGET = "--spring.temporal.connection.target=";

  /** Starts the worker (and the embedded server when asked). */
  public static void main(String[] args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    EmbeddedTemporal.startIfRequested(all)
        .ifPresent(
            target -> {
              all.removeIf(a -> a.startsWith(TARGET));
              all.add(TARGET + target);
            });
    SpringApplication.run(BunsuiWorkerApplication.class, all.toArray(String[]::new));
  }
}

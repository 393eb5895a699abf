package dev.bunsui.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bunsui.codec.CodecException;
import dev.bunsui.worker.codec.CodecProperties;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The worker's configuration files against {@code docs/configuration.md}: every key of {@code
 * application.yml} and of the profile files ({@code compose}, {@code production}) has a row in the
 * reference table, secrets never have a value in a file, and the profiles bind to the values they
 * promise (bound with Spring's {@link Binder} over the merged YAML, as Spring Boot binds them,
 * without starting a context).
 */
class ConfigurationReferenceTest {
  static final Path ROOT = Path.of(System.getProperty("bunsui.projectRoot", ".."));
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final List<String> FILES =
      List.of("application.yml", "application-compose.yml", "application-production.yml");

  /** A key whose value is a secret: its name ends in one of these words. */
  static final Pattern SECRET_KEY =
      Pattern.compile(".*(api-key|token|keys|secret|password|webhook-url|webhook\\.url)$");

  /** {@code ${ENV}} or {@code ${ENV:default}}. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::(.*))?}");

  /**
   * The file's keys in dotted form: nested maps joined with dots, lists of maps indexed ({@code
   * spring.temporal.workers[1].task-queue}), lists of scalars kept as one key.
   *
   * @return key → scalar value (a list of scalars as its text), in file order
   */
  static Map<String, String> flatten(String file) throws Exception {
    try (InputStream in = new ClassPathResource(file).getInputStream()) {
      Map<String, String> out = new LinkedHashMap<>();
      flatten(YAML.readTree(in), "", out);
      return out;
    }
  }

  private static void flatten(JsonNode node, String prefix, Map<String, String> out) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e ->
                  flatten(
                      e.getValue(),
                      prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                      out));
    } else if (node.isArray() && node.size() > 0 && node.get(0).isContainerNode()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(node.get(i), prefix + "[" + i + "]", out);
      }
    } else {
      out.put(prefix, node.isArray() ? node.toString() : node.asText());
    }
  }

  /** The first cells ({@code `key`}) of the reference tables' rows in docs/configuration.md. */
  static Set<String> documentedKeys() throws Exception {
    Set<String> keys = new LinkedHashSet<>();
    Matcher row =
        Pattern.compile("(?m)^\\| `([^`]+)` \\|")
            .matcher(Files.readString(ROOT.resolve("docs/configuration.md")));
    while (row.find()) {
      keys.add(row.group(1));
    }
    return keys;
  }

  @Test
  void flatteningYieldsDottedAndIndexedKeys() throws Exception {
    Map<String, String> keys = flatten("application.yml");

    assertThat(keys)
        .containsEntry("bunsui.store.s3.bucket", "${BUNSUI_S3_BUCKET:}")
        .containsEntry("spring.temporal.workers[1].task-queue", "bunsui-llm")
        .containsKey("spring.temporal.workers[0].workflow-classes");
    assertThat(keys.get("spring.temporal.workers[0].workflow-classes"))
        .contains("dev.bunsui.book.BookWorkflowImpl");
    assertThat(keys).hasSizeGreaterThan(80);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"application.yml", "application-compose.yml", "application-production.yml"})
  void everyKeyHasARowInTheReferenceTable(String file) throws Exception {
    Set<String> documented = documentedKeys();
    List<String> missing =
        flatten(file).keySet().stream().filter(k -> !documented.contains(k)).toList();

    assertThat(missing).as("keys of %s without a row in docs/configuration.md", file).isEmpty();
  }

  @Test
  void everyDocumentedKeyNamesTheEnvironmentVariableOfTheFile() throws Exception {
    String doc = Files.readString(ROOT.resolve("docs/configuration.md"));
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String> e : flatten("application.yml").entrySet()) {
      Matcher m = PLACEHOLDER.matcher(e.getValue());
      if (m.matches() && m.group(1).matches("[A-Z0-9_]+")) {
        String row = "| `" + e.getKey() + "` | `" + m.group(1) + "` |";
        if (!doc.contains(row)) {
          wrong.add(e.getKey() + " -> " + m.group(1));
        }
      }
    }
    assertThat(wrong).as("rows whose environment variable differs from application.yml").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"application.yml", "application-compose.yml", "application-production.yml"})
  void secretsComeOnlyFromTheEnvironmentWithAnEmptyDefault(String file) throws Exception {
    List<String> secrets = new ArrayList<>();
    List<String> offending = new ArrayList<>();
    for (Map.Entry<String, String> e : flatten(file).entrySet()) {
      if (!SECRET_KEY.matcher(e.getKey()).matches()) {
        continue;
      }
      secrets.add(e.getKey());
      Matcher m = PLACEHOLDER.matcher(e.getValue());
      boolean fromEnvironment =
          m.matches()
              && m.group(1).matches("[A-Z0-9_]+")
              && (m.group(2) == null || m.group(2).isEmpty());
      if (!fromEnvironment) {
        offending.add(e.getKey() + ": " + e.getValue());
      }
    }
    assertThat(offending).as("secrets with a value in %s", file).isEmpty();
    if (file.equals("application.yml")) {
      assertThat(secrets)
          .contains(
              "bunsui.codec.keys",
              "bunsui.codec.token",
              "bunsui.llm.providers.openai.api-key",
              "bunsui.llm.providers.anthropic.api-key",
              "bunsui.channels.slack.webhook-url",
              "bunsui.channels.x.access-token",
              "bunsui.channels.github.token",
              "bunsui.channels.webhook.url");
    }
  }

  @Test
  void theSecretDetectorRejectsAValueOrADefault() {
    Matcher withDefault = PLACEHOLDER.matcher("${OPENAI_API_KEY:sk-123}");
    assertThat(withDefault.matches()).isTrue();
    assertThat(withDefault.group(2)).isEqualTo("sk-123");
    assertThat(PLACEHOLDER.matcher("sk-123").matches()).isFalse();
    assertThat(SECRET_KEY.matcher("bunsui.channels.github.token").matches()).isTrue();
    assertThat(SECRET_KEY.matcher("bunsui.channels.github.repo").matches()).isFalse();
  }

  /** application.yml, the profile's file above it, and the environment above both. */
  static StandardEnvironment environment(String profile, Map<String, Object> variables)
      throws Exception {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().addFirst(new MapPropertySource("environment", variables));
    if (profile != null) {
      String file = "application-" + profile + ".yml";
      for (PropertySource<?> yaml :
          new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
        env.getPropertySources().addLast(yaml);
      }
    }
    for (PropertySource<?> yaml :
        new YamlPropertySourceLoader()
            .load("application.yml", new ClassPathResource("application.yml"))) {
      env.getPropertySources().addLast(yaml);
    }
    return env;
  }

  static <T> T bind(StandardEnvironment env, String key, Class<T> type) {
    return Binder.get(env).bind(key, Bindable.of(type)).get();
  }

  @Test
  void theDefaultIsTheLocalEmbeddedSetup() throws Exception {
    StandardEnvironment env = environment(null, Map.of());

    assertThat(env.getProperty("spring.temporal.connection.target")).isEqualTo("127.0.0.1:7233");
    assertThat(bind(env, "bunsui", BunsuiProperties.class).store().type())
        .isEqualTo(BunsuiProperties.StoreType.LOCAL);
    assertThat(bind(env, "bunsui.codec", CodecProperties.class).enabled()).isFalse();
    assertThat(bind(env, "server.port", Integer.class)).isZero();
    assertThat(bind(env, "server.address", String.class)).isEqualTo("127.0.0.1");
    assertThat(
            bind(
                env,
                "spring.temporal.workers[1].capacity.max-concurrent-activity-executors",
                Integer.class))
        .isEqualTo(8);
    assertThat(
            bind(
                env,
                "spring.temporal.workers[3].rate-limits.max-task-queue-activities-per-second",
                Double.class))
        .isZero();
    assertThat(bind(env, "bunsui.worker.heartbeat-interval", java.time.Duration.class))
        .hasSeconds(5);
  }

  @Test
  void theComposeProfileTargetsTheComposeServices() throws Exception {
    StandardEnvironment env = environment("compose", Map.of());
    BunsuiProperties props = bind(env, "bunsui", BunsuiProperties.class);

    assertThat(env.getProperty("spring.temporal.connection.target")).isEqualTo("temporal:7233");
    assertThat(props.store().type()).isEqualTo(BunsuiProperties.StoreType.S3);
    assertThat(props.store().s3().bucket()).isEqualTo("bunsui");
    assertThat(props.store().s3().endpoint()).isEqualTo("http://minio:9000");
    assertThat(props.store().s3().pathStyle()).isTrue();
    assertThat(props.store().s3().multipartThreshold().toMegabytes()).isEqualTo(8);
    assertThat(props.store().root()).isEqualTo(Path.of("/data/out"));
    assertThat(props.llm().providers().get("ollama").baseUrl())
        .isEqualTo("http://host.docker.internal:11434");
    assertThat(props.llm().providers().get("openai").model()).isEqualTo("gpt-4o-mini");
    assertThat(bind(env, "server.port", Integer.class)).isEqualTo(8081);
    assertThat(bind(env, "server.address", String.class)).isEqualTo("0.0.0.0");
    // the profile leaves the worker list whole
    assertThat(bind(env, "spring.temporal.workers[3].task-queue", String.class))
        .isEqualTo("bunsui-io");

    StandardEnvironment overridden =
        environment("compose", Map.of("BUNSUI_STORE", "local", "BUNSUI_HTTP_PORT", "9091"));
    assertThat(bind(overridden, "bunsui", BunsuiProperties.class).store().type())
        .isEqualTo(BunsuiProperties.StoreType.LOCAL);
    assertThat(bind(overridden, "server.port", Integer.class)).isEqualTo(9091);
  }

  @Test
  void theProductionProfileRequiresTheTargetAndCodecKeysAndIsConservative() throws Exception {
    StandardEnvironment unset = environment("production", Map.of());
    assertThatThrownBy(() -> unset.getProperty("spring.temporal.connection.target"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BUNSUI_TARGET");
    CodecProperties noKeys = bind(unset, "bunsui.codec", CodecProperties.class);
    assertThat(noKeys.enabled()).isTrue();
    assertThatThrownBy(noKeys::settings)
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("BUNSUI_CODEC_KEYS");

    String key = "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    StandardEnvironment env =
        environment(
            "production",
            Map.of(
                "BUNSUI_TARGET", "temporal.example.com:7233",
                "BUNSUI_S3_BUCKET", "books",
                "BUNSUI_CODEC_KEYS", key,
                "BUNSUI_LLM_CONCURRENCY", "6"));
    BunsuiProperties props = bind(env, "bunsui", BunsuiProperties.class);
    CodecProperties codec = bind(env, "bunsui.codec", CodecProperties.class);

    assertThat(env.getProperty("spring.temporal.connection.target"))
        .isEqualTo("temporal.example.com:7233");
    assertThat(props.store().type()).isEqualTo(BunsuiProperties.StoreType.S3);
    assertThat(props.store().s3().bucket()).isEqualTo("books");
    assertThat(codec.settings().encryptionKeyId()).isEqualTo("k1");
    assertThat(codec.toString()).doesNotContain(key.substring(3)).contains("keys=***");
    Map<String, Number> limits = new LinkedHashMap<>();
    for (int i = 1; i <= 3; i++) {
      String worker = "spring.temporal.workers[" + i + "].";
      limits.put(
          bind(env, worker + "task-queue", String.class) + " slots",
          bind(env, worker + "capacity.max-concurrent-activity-executors", Integer.class));
      limits.put(
          bind(env, worker + "task-queue", String.class) + " rate",
          bind(env, worker + "rate-limits.max-task-queue-activities-per-second", Double.class));
    }
    assertThat(limits)
        .containsExactly(
            Map.entry("bunsui-llm slots", 6),
            Map.entry("bunsui-llm rate", 2.0),
            Map.entry("bunsui-media slots", 1),
            Map.entry("bunsui-media rate", 2.0),
            Map.entry("bunsui-io slots", 8),
            Map.entry("bunsui-io rate", 20.0));
    assertThat(bind(env, "server.port", Integer.class)).isEqualTo(8081);
    assertThat(env.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    assertThat(env.getProperty("logging.level.root")).isEqualTo("INFO");
  }
}

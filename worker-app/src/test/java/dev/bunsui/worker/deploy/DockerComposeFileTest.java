package dev.bunsui.worker.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bunsui.book.BookSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml at the repository root, read as YAML: the services the README names are there,
 * every image carries an explicit version tag (never {@code latest}), the files it mounts exist,
 * Prometheus scrapes the worker on the port the worker is given, and the one-shot creates every
 * search attribute the workflows set. (CI also runs {@code docker-compose config -q}; the stack
 * itself is not started in CI.)
 */
class DockerComposeFileTest {
  static final Path ROOT = Path.of(System.getProperty("bunsui.projectRoot", ".."));
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  JsonNode services() throws Exception {
    return YAML.readTree(ROOT.resolve("docker-compose.yml").toFile()).path("services");
  }

  @Test
  void theServicesTheReadmeNamesExist() throws Exception {
    List<String> names = new ArrayList<>();
    services().fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .contains(
            "postgresql", "temporal", "temporal-ui", "minio", "worker", "prometheus", "grafana");
  }

  @Test
  void everyImageHasAnExplicitVersionTag() throws Exception {
    Pattern image = Pattern.compile("^(?<repo>[a-z0-9./_-]+)(:(?<tag>[A-Za-z0-9._-]+))?(@.+)?$");
    int images = 0;
    for (Map.Entry<String, JsonNode> s :
        (Iterable<Map.Entry<String, JsonNode>>) services()::fields) {
      JsonNode ref = s.getValue().get("image");
      if (ref == null) {
        assertThat(s.getValue().has("build"))
            .as(s.getKey() + " has neither image nor build")
            .isTrue();
        continue;
      }
      images++;
      Matcher m = image.matcher(ref.asText());
      assertThat(m.matches()).as(s.getKey() + ": " + ref.asText()).isTrue();
      String tag = m.group("tag");
      assertThat(tag).as(s.getKey() + ": " + ref.asText() + " has no tag").isNotNull();
      assertThat(tag).as(s.getKey() + ": " + ref.asText()).isNotEqualToIgnoringCase("latest");
      assertThat(tag)
          .as(s.getKey() + ": " + ref.asText() + " tag names no version")
          .containsPattern("[0-9]");
      assertThat(ref.asText()).as(s.getKey()).doesNotContain("${");
    }
    assertThat(images).isGreaterThanOrEqualTo(9);
  }

  @Test
  void mountedFilesAndTheWorkerBuildExist() throws Exception {
    for (Map.Entry<String, JsonNode> s :
        (Iterable<Map.Entry<String, JsonNode>>) services()::fields) {
      for (JsonNode v : s.getValue().path("volumes")) {
        String source = v.asText().split(":")[0];
        if (source.startsWith("./")) {
          assertThat(ROOT.resolve(source)).as(s.getKey() + " mounts " + source).exists();
        }
      }
    }
    Path context = ROOT.resolve(services().path("worker").path("build").path("context").asText());
    assertThat(context.resolve("Dockerfile")).isRegularFile();
    assertThat(Files.readString(context.resolve("Dockerfile")))
        .contains("COPY target/bunsui-worker.jar")
        .containsPattern("FROM eclipse-temurin:21[0-9._]*-jre");
  }

  /**
   * The value the worker sees for a key of its compose profile ({@code ${VAR:default}}): the
   * compose environment's {@code VAR} when the worker service sets it, else the default.
   */
  static String composeValue(JsonNode environment, JsonNode profile, String dottedKey) {
    JsonNode node = profile;
    for (String part : dottedKey.split("\\.")) {
      node = node.path(part);
    }
    Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+):(.*)}").matcher(node.asText());
    assertThat(m.matches()).as(dottedKey + " in application-compose.yml: " + node).isTrue();
    JsonNode set = environment.get(m.group(1));
    return set != null ? set.asText() : m.group(2);
  }

  @Test
  void prometheusScrapesTheWorkerWhereTheWorkerListens() throws Exception {
    JsonNode worker = services().path("worker");
    JsonNode environment = worker.path("environment");
    assertThat(environment.path("SPRING_PROFILES_ACTIVE").asText()).isEqualTo("compose");
    JsonNode profile =
        YAML.readTree(
            ROOT.resolve("worker-app/src/main/resources/application-compose.yml").toFile());
    String port = composeValue(environment, profile, "server.port");
    assertThat(port).matches("[0-9]+");
    assertThat(composeValue(environment, profile, "server.address")).isEqualTo("0.0.0.0");
    assertThat(composeValue(environment, profile, "spring.temporal.connection.target"))
        .isEqualTo("temporal:7233");
    assertThat(worker.path("ports").get(0).asText()).isEqualTo(port + ":" + port);
    assertThat(composeValue(environment, profile, "bunsui.store.type")).isEqualTo("s3");
    assertThat(composeValue(environment, profile, "bunsui.store.s3.endpoint"))
        .isEqualTo("http://minio:9000");
    assertThat(composeValue(environment, profile, "bunsui.store.s3.bucket"))
        .isEqualTo(
            services().path("minio-setup").path("environment").path("BUNSUI_S3_BUCKET").asText());

    JsonNode prometheus = YAML.readTree(ROOT.resolve("deploy/prometheus/prometheus.yml").toFile());
    JsonNode job = null;
    for (JsonNode j : prometheus.path("scrape_configs")) {
      if (j.path("job_name").asText().equals("bunsui-worker")) {
        job = j;
      }
    }
    assertThat(job).isNotNull();
    assertThat(job.path("metrics_path").asText()).isEqualTo("/actuator/prometheus");
    assertThat(job.path("static_configs").get(0).path("targets").get(0).asText())
        .isEqualTo("worker:" + port);
  }

  @Test
  void theOneShotCreatesEverySearchAttributeTheWorkflowsSet() throws Exception {
    JsonNode tools = services().path("temporal-admin-tools");
    assertThat(tools.path("image").asText()).startsWith("temporalio/admin-tools:");
    String script = Files.readString(ROOT.resolve("deploy/temporal/create-search-attributes.sh"));
    Matcher list = Pattern.compile("ATTRIBUTES=\"([^\"]+)\"").matcher(script);
    assertThat(list.find()).isTrue();
    List<String> pairs = List.of(list.group(1).split("\\s+"));
    for (var key : BookSearchAttributes.ALL) {
      String type =
          key.getValueType() == IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST
              ? "KeywordList"
              : "Keyword";
      assertThat(pairs).contains(key.getName() + ":" + type);
    }
    assertThat(pairs).contains("PendingApprovals:KeywordList");
    assertThat(script).contains("temporal operator search-attribute create");
  }
}

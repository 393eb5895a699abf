package dev.bunsui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README's quick start through the CLI: {@code bunsui pipeline run book --source
 * samples/durable-pipelines} with an embedded server and worker (the worker jar as a child
 * process), on the sample book that ships with the project.
 */
class QuickStartTest {
  private static final Path ROOT =
      Path.of(System.getProperty("bunsui.projectRoot", "..")).toAbsolutePath().normalize();

  @Test
  void quickStartRunsTheSampleBookOnAnEmbeddedServer(@TempDir Path out) throws Exception {
    Path jar = ROOT.resolve("worker-app/target/bunsui-worker.jar");
    assumeTrue(
        Files.isRegularFile(jar) || "true".equals(System.getenv("CI")),
        "the worker jar is built in the package phase; run ./mvnw verify");
    System.setProperty("bunsui.workerJar", jar.toString());
    System.setProperty("bunsui.home", ROOT.toString());

    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    CommandLine cli = BunsuiCli.commandLine();
    cli.setOut(new PrintWriter(stdout));
    cli.setErr(new PrintWriter(stderr));
    int code =
        cli.execute(
            "pipeline",
            "run",
            "book",
            "--source",
            ROOT.resolve("samples/durable-pipelines").toString(),
            "--embedded",
            "--out",
            out.toString(),
            "--format",
            "json");

    assertThat(code).as("exit code; stderr:%n%s", stderr).isZero();
    assertThat(stderr.toString()).contains("embedded").contains("chapter 2");
    JsonNode result = new ObjectMapper().readTree(stdout.toString());
    assertThat(result.path("workflowId").asText()).startsWith("book-durable-pipelines-");
    Path folder = Path.of(result.path("outputFolder").asText());
    assertThat(folder).startsWith(out);
    assertThat(folder.resolve("index.html")).isRegularFile();
    assertThat(folder.resolve("manifest.json")).isRegularFile();
    JsonNode r = result.path("result");
    assertThat(r.path("chapters").asInt()).isEqualTo(2);
    assertThat(r.path("sectionsSkipped").asInt()).isZero();
    assertThat(r.path("figures").asInt()).isGreaterThanOrEqualTo(1);
    if ("true".equals(System.getenv("CI"))) {
      // CI installs mermaid-cli and Chromium: the SVG and the Mermaid figure are both converted
      assertThat(r.path("figures").asInt()).isEqualTo(2);
    }
    assertThat(result.path("summary").asText()).contains("2 chapters");
  }

  @Test
  void anUnknownPipelineIsAUsageError() {
    StringWriter stderr = new StringWriter();
    CommandLine cli = BunsuiCli.commandLine();
    cli.setErr(new PrintWriter(stderr));
    int code = cli.execute("pipeline", "run", "cookbook", "--source", ".");
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr.toString()).contains("unknown pipeline 'cookbook'");
  }
}

package dev.bunsui.cli;

import static dev.bunsui.cli.RealServerSupport.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bunsui.cli.RealServerSupport.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker and the CLI as separate processes: a worker (the worker jar, hosting the in-JVM
 * server) and CLI commands against its {@code --target}.
 */
class SessionCommandTest {
  private static final Path ROOT =
      Path.of(System.getProperty("bunsui.projectRoot", "..")).toAbsolutePath().normalize();

  @TempDir static Path out;
  private static EmbeddedWorker worker;

  @BeforeAll
  static void startWorker() {
    Path jar = ROOT.resolve("worker-app/target/bunsui-worker.jar");
    assumeTrue(
        Files.isRegularFile(jar) || "true".equals(System.getenv("CI")),
        "the worker jar is built in the package phase; run ./mvnw verify");
    System.setProperty("bunsui.workerJar", jar.toString());
    System.setProperty("bunsui.home", ROOT.toString());
    worker =
        EmbeddedWorker.start(
            true,
            List.of("--bunsui.store.root=" + out),
            out.resolve("logs"),
            Duration.ofSeconds(180));
  }

  @AfterAll
  static void stopWorker() {
    if (worker != null) {
      worker.close();
    }
  }

  @Test
  void describeAndResultReadARunStartedAgainstTheTarget() throws Exception {
    String target = worker.target();
    Run run =
        cli(
            "pipeline",
            "run",
            "book",
            "--target",
            target,
            "--format",
            "json",
            "--source",
            ROOT.resolve("samples/durable-pipelines/durable-execution.md").toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain("embedded one");
    String id = new ObjectMapper().readTree(run.out()).path("workflowId").asText();

    Run describe = cli("session", "describe", id, "--target", target, "--format", "json");
    assertThat(describe.code()).as(describe.err()).isZero();
    JsonNode d = new ObjectMapper().readTree(describe.out());
    assertThat(d.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(d.path("type").asText()).isEqualTo("BookWorkflow");
    assertThat(d.path("progress").path("stage").asText()).isEqualTo("COMPLETED");

    Run result = cli("session", "result", id, "--target", target, "--format", "json");
    assertThat(result.code()).as(result.err()).isZero();
    JsonNode r = new ObjectMapper().readTree(result.out());
    assertThat(r.path("sectionsDone").asInt()).isPositive();
    assertThat(r.path("figures").asInt()).isEqualTo(1);
  }

  @Test
  void onTheInJvmServerACacheRerunWorksAndAResetIsRefusedWithTheAlternative() throws Exception {
    String target = worker.target();
    String source = ROOT.resolve("samples/durable-pipelines/durable-execution.md").toString();
    Run run =
        cli(
            "pipeline",
            "run",
            "book",
            "--target",
            target,
            "--format",
            "json",
            "--source",
            source,
            "--workflow-id",
            "book-rerun-embedded");
    assertThat(run.code()).as(run.err()).isZero();

    Run reset = cli("session", "rerun", "book-rerun-embedded", "--target", target);
    assertThat(reset.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(reset.err()).contains("has no failed step");
    Run resetFrom =
        cli(
            "session",
            "rerun",
            "book-rerun-embedded",
            "--from-job",
            "ParseBook",
            "--target",
            target);
    assertThat(resetFrom.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(resetFrom.err()).contains("cannot reset").contains("--strategy cache");

    Run cache =
        cli(
            "session",
            "rerun",
            "book-rerun-embedded",
            "--strategy",
            "cache",
            "--wait",
            "--target",
            target,
            "--format",
            "json");
    assertThat(cache.code()).as(cache.err()).isZero();
    JsonNode c = new ObjectMapper().readTree(cache.out());
    assertThat(c.path("status").asText()).isEqualTo("completed");
    assertThat(c.path("newRunId").asText()).isNotBlank();
    assertThat(c.at("/plan/reusedFromCache").toString()).contains("GenerateArticle");

    Run jobs =
        cli(
            "job",
            "list",
            "--session-id",
            "book-rerun-embedded",
            "--target",
            target,
            "--format",
            "json");
    assertThat(jobs.code()).as(jobs.err()).isZero();
    assertThat(jobs.out()).contains("\"jobId\" : \"ParseBook\"").contains("chapter-1/section-1");
  }

  @Test
  void anUnknownSessionIsNotFound() {
    Run describe = cli("session", "describe", "book-nope-00000000", "--target", worker.target());
    assertThat(describe.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(describe.err()).contains("no session book-nope-00000000");
  }

  @Test
  void aServerThatDoesNotAnswerIsReported() {
    Run describe = cli("session", "describe", "x", "--target", "127.0.0.1:1");
    assertThat(describe.code()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(describe.err()).contains("no Temporal server answered at 127.0.0.1:1");
  }
}

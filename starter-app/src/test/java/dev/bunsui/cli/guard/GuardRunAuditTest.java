package dev.bunsui.cli.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.book.BookProgress;
import dev.bunsui.book.BookRequest;
import dev.bunsui.book.BookResult;
import dev.bunsui.book.BookTaskQueues;
import dev.bunsui.book.BookWorkflow;
import dev.bunsui.cli.BunsuiCli;
import dev.bunsui.cli.ExitCodes;
import dev.bunsui.store.ArtifactRef;
import io.temporal.client.WorkflowClient;
import io.temporal.failure.ApplicationFailure;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code pipeline run} against a Temporal server (the SDK's test server on a local port, with a
 * stand-in book workflow): one audit record per run, success or failure, and none for the reads
 * that follow.
 */
class GuardRunAuditTest {
  private static TestServer.PortBoundTestServer server;
  private static WorkflowServiceStubs stubs;
  private static WorkerFactory workers;
  private static String target;

  @TempDir Path dir;

  private final String actor = "run-test-" + UUID.randomUUID();

  /** Stand-in for the book pipeline: fails when the title is "fail", else returns a summary. */
  public static class StandInBook implements BookWorkflow {
    @Override
    public BookResult run(BookRequest request) {
      if ("fail".equals(request.title())) {
        throw ApplicationFailure.newNonRetryableFailure("the book is broken", "INPUT_INVALID");
      }
      ArtifactRef ref =
          new ArtifactRef("file:///tmp/out/index.html", "0".repeat(64), 1, "text/html");
      return new BookResult("b", "Intro", "en", "file:///tmp/out", ref, ref, 1, 1, 0, 0, 5, 0);
    }

    @Override
    public BookProgress progress() {
      return new BookProgress("COMPLETED", "Intro", List.of());
    }
  }

  @BeforeAll
  static void startServer() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = TestServer.createPortBoundServer(port, true);
    target = "127.0.0.1:" + port;
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    workers = WorkerFactory.newInstance(WorkflowClient.newInstance(stubs));
    workers.newWorker(BookTaskQueues.BOOK).registerWorkflowImplementationTypes(StandInBook.class);
    workers.start();
  }

  @AfterAll
  static void stopServer() {
    if (workers != null) {
      workers.shutdownNow();
    }
    if (stubs != null) {
      stubs.shutdownNow();
    }
    if (server != null) {
      server.close();
    }
  }

  private int cli(Path config, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--target",
            target,
            "--config",
            config.toString(),
            "--actor",
            actor,
            "--format",
            "json"));
    CommandLine cli = BunsuiCli.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(new StringWriter()));
    return cli.execute(all.toArray(String[]::new));
  }

  private List<JsonNode> audit(Path config) {
    Path log =
        Guardrails.load(
                new GuardOptions(false, null, null, config, List.of()),
                Env.system(),
                Clock.systemUTC())
            .auditLog();
    return GuardFiles.records(log, actor);
  }

  @Test
  void eachRunIsAuditedOnceWithItsOutcomeAndReadsAreNot() {
    Path config = GuardFiles.config(dir, false, null);
    String source = GuardFiles.write(dir.resolve("intro.md"), "# Intro\n\nHi.\n").toString();

    assertThat(cli(config, "pipeline", "run", "book", "--source", source)).isZero();
    assertThat(cli(config, "pipeline", "run", "book", "--source", source, "--title", "fail"))
        .isEqualTo(ExitCodes.RUN_FAILED);

    List<JsonNode> records = audit(config);
    assertThat(records)
        .extracting(r -> r.path("result").asText())
        .containsExactly("success", "failure");
    JsonNode ok = records.get(0);
    assertThat(ok.path("action").asText()).isEqualTo("pipeline:run");
    assertThat(ok.path("resource").asText()).isEqualTo("book");
    assertThat(ok.path("detail").asText())
        .isEqualTo(
            "source "
                + source
                + ": "
                + "1 chapters, 1 sections done, 0 skipped, 0 figures,"
                + " 5 outputs, 0 skipped items (see manifest.json)");
    JsonNode failed = records.get(1);
    assertThat(failed.path("detail").asText())
        .isEqualTo(
            "run "
                + failed.path("session_id").asText()
                + " failed: [INPUT_INVALID] the book is broken");

    String id = ok.path("session_id").asText();
    assertThat(cli(config, "session", "describe", id)).isZero();
    assertThat(cli(config, "session", "result", id)).isZero();
    assertThat(cli(config, "pipeline", "list")).isZero();
    assertThat(audit(config)).hasSize(2);
  }
}

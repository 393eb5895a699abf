package dev.bunsui.cli;

import static dev.bunsui.cli.RealServerSupport.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.cli.RealServerSupport.Run;
import dev.bunsui.cli.guard.Env;
import dev.bunsui.cli.guard.GuardOptions;
import dev.bunsui.cli.guard.Guardrails;
import dev.bunsui.pipeline.ExecutionRecord;
import dev.bunsui.pipeline.PipelineWorkflow;
import dev.bunsui.pipeline.StepStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bunsui pipeline run <template> --input FILE} and {@code bunsui session approve|reject}
 * against a Temporal server whose worker runs the real {@code PipelineWorkflowImpl} with fake
 * tools.
 */
class PipelineCliTest {
  private static PipelineTestServer server;
  private static ExecutorService runner;

  @TempDir Path dir;

  private final String actor = "cli-test-" + UUID.randomUUID();

  @BeforeAll
  static void start() throws Exception {
    server = new PipelineTestServer();
    runner = Executors.newSingleThreadExecutor();
  }

  @AfterAll
  static void stop() {
    runner.shutdownNow();
    if (server != null) {
      server.close();
    }
  }

  private Run bunsui(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--target", server.target(), "--actor", actor, "--format", "json"));
    return cli(all.toArray(String[]::new));
  }

  private Path input(String theme) throws Exception {
    return Files.writeString(
        dir.resolve("input.yaml"), "campaign:\n  theme: " + theme + "\nvariants: 3\n");
  }

  private static ExecutionRecord awaitApproval(String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        ExecutionRecord r = server.client().newWorkflowStub(PipelineWorkflow.class, id).record();
        if (r.steps().stream().anyMatch(s -> s.status() == StepStatus.WAITING_APPROVAL)) {
          return r;
        }
      } catch (RuntimeException e) {
        // not started yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError(id + " never waited for approval");
  }

  @Test
  void aTemplateRunWaitsForApprovalPrintsTheCommandAndCompletesOnceApproved() throws Exception {
    Path input = input("summer launch");
    Future<Run> run =
        runner.submit(
            () -> bunsui("pipeline", "run", "campaign_automation", "--input", input.toString()));
    // the id is deterministic: the same definition and input give the same one
    String id =
        dev.bunsui.cli.pipeline.PipelineRuns.workflowId(
            PipelineRun.request("campaign_automation", input.toString()));
    assertThat(id).matches("campaign_automation-[0-9a-f]{8}");
    awaitApproval(id);
    Thread.sleep(2 * PipelineRun.POLL.toMillis() + 500); // the run command polls once a second

    Run approve = bunsui("session", "approve", id, "--job", "auto_posting", "--comment", "ship it");
    assertThat(approve.code()).as(approve.err()).isZero();
    assertThat(approve.json().path("approver").asText()).isEqualTo(actor);
    assertThat(approve.json().path("approval").path("status").asText()).isEqualTo("approved");

    Run done = run.get(60, TimeUnit.SECONDS);
    assertThat(done.code()).as(done.err()).isZero();
    assertThat(done.err())
        .contains("started " + id)
        .contains("step_completed creative_generation succeeded")
        .contains("approval_requested auto_posting")
        .contains("approve with: bunsui session approve " + id + " --job auto_posting")
        .contains("item_completed auto_posting item 1 skipped");
    JsonNode out = done.json();
    assertThat(out.path("workflowId").asText()).isEqualTo(id);
    assertThat(out.path("status").asText()).isEqualTo("completed");
    assertThat(out.path("steps"))
        .extracting(s -> s.path("step").asText() + " " + s.path("status").asText())
        .containsExactly(
            "creative_generation succeeded",
            "performance_prediction succeeded",
            "auto_posting succeeded");
    assertThat(out.path("steps").get(2).path("approval").asText())
        .isEqualTo("approved by " + actor);
    assertThat(out.path("steps").get(0).path("attempts").asInt()).isEqualTo(1);

    Run describe = bunsui("session", "describe", id);
    assertThat(describe.code()).as(describe.err()).isZero();
    assertThat(describe.json().path("pipeline").asText()).isEqualTo("campaign_automation");
    assertThat(describe.json().path("record").path("steps").size()).isEqualTo(3);

    // watch and result know a pipeline run from a book run
    Run watch = bunsui("session", "watch", id);
    assertThat(watch.code()).as(watch.err()).isZero();
    assertThat(watch.json().path("status").asText()).isEqualTo("completed");
    assertThat(watch.json().path("steps"))
        .extracting(s -> s.path("step").asText())
        .containsExactly("creative_generation", "performance_prediction", "auto_posting");
    Run result = bunsui("session", "result", id);
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.json().path("status").asText()).isEqualTo("completed_with_skips");
    assertThat(result.json().path("record").path("pipelineId").asText())
        .isEqualTo("campaign_automation");

    List<String> audit =
        Files.readAllLines(
            Guardrails.load(
                    new GuardOptions(false, null, null, null, List.of()),
                    Env.system(),
                    Clock.systemUTC())
                .auditLog());
    assertThat(audit.stream().filter(l -> l.contains(actor)))
        .anyMatch(l -> l.contains("\"session:approve\"") && l.contains("\"success\""))
        .anyMatch(l -> l.contains("\"pipeline:run\"") && l.contains("\"success\""));
  }

  @Test
  void rejectSkipsTheStepAndApprovalErrorsAreClear() throws Exception {
    Path input = input("winter sale");
    String id = "cli-reject-" + UUID.randomUUID();
    Run started =
        bunsui(
            "pipeline",
            "run",
            "campaign_automation",
            "--input",
            input.toString(),
            "--workflow-id",
            id,
            "--no-wait");
    assertThat(started.code()).as(started.err()).isZero();
    assertThat(started.json().path("status").asText()).isEqualTo("running");
    awaitApproval(id);

    Run notWaiting = bunsui("session", "approve", id, "--job", "creative_generation");
    assertThat(notWaiting.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(notWaiting.err()).contains("creative_generation");
    Run unknownRun = bunsui("session", "approve", "no-such-run", "--job", "auto_posting");
    assertThat(unknownRun.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(unknownRun.err()).contains("no run no-such-run");

    Run reject = bunsui("session", "reject", id, "--job", "auto_posting", "--comment", "no");
    assertThat(reject.code()).as(reject.err()).isZero();
    assertThat(reject.json().path("decision").asText()).isEqualTo("rejected");
    String result =
        server
            .client()
            .newUntypedWorkflowStub(id)
            .getResult(30, TimeUnit.SECONDS, dev.bunsui.pipeline.PipelineResult.class)
            .record()
            .steps()
            .get(2)
            .status()
            .name();
    assertThat(result).isEqualTo("SKIPPED");

    Run closed = bunsui("session", "approve", id, "--job", "auto_posting");
    assertThat(closed.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(closed.err()).contains("is completed, not running");
  }

  @Test
  void invalidInputsAndDefinitionsAreRefusedBeforeAnythingStarts() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "campaign:\n  tone: loud\nvariants: 0\n");
    Run run = bunsui("pipeline", "run", "campaign_automation", "--input", bad.toString());
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .contains("the input is not valid")
        .contains(bad + ":")
        .contains("$.campaign.theme")
        .contains("$.variants");

    Path def = Files.writeString(dir.resolve("broken.yaml"), "id: broken\nsteps:\n  - id: a\n");
    Run broken = bunsui("pipeline", "run", def.toString());
    assertThat(broken.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(broken.err()).contains("the definition").contains(def + ":");

    Run unknown = bunsui("pipeline", "run", "no_such_template");
    assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("unknown pipeline 'no_such_template'");

    Run sourceWithTemplate =
        bunsui("pipeline", "run", "campaign_automation", "--source", dir.toString());
    assertThat(sourceWithTemplate.code()).isEqualTo(ExitCodes.USAGE);
    Run bookWithoutSource = bunsui("pipeline", "run", "book");
    assertThat(bookWithoutSource.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bookWithoutSource.err()).contains("book needs --source");
  }

  @Test
  void pipelineListShowsTheTemplates() {
    Run list = bunsui("pipeline", "list");
    assertThat(list.code()).isZero();
    assertThat(list.json())
        .extracting(n -> n.path("name").asText())
        .contains("book", "campaign_automation", "book_promotion");
  }
}

package dev.bunsui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.cli.guard.Guardrails;
import dev.bunsui.cli.guard.MutatingAction;
import dev.bunsui.cli.pipeline.InputDocuments;
import dev.bunsui.cli.pipeline.JobEvent;
import dev.bunsui.cli.pipeline.JobWatch;
import dev.bunsui.cli.pipeline.PipelineRuns;
import dev.bunsui.cli.pipeline.PipelineSource;
import dev.bunsui.cli.pipeline.RecordSummaries;
import dev.bunsui.pipeline.PipelineRequest;
import dev.bunsui.pipeline.PipelineWorkflow;
import dev.bunsui.pipeline.definition.DefinitionException;
import dev.bunsui.pipeline.definition.PipelineInputs;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bunsui pipeline run NAME|FILE --input FILE}: validates the definition and the input,
 * starts a {@link PipelineWorkflow} run (on the server at {@code --target}, else an embedded one),
 * prints each step transition on stderr, with the approve command when a step waits for approval,
 * and prints the execution record's summary.
 */
final class PipelineRun {
  /** How often the execution record is polled. */
  static final Duration POLL = Duration.ofSeconds(1);

  private final GlobalOptions global;
  private final CommandSpec spec;
  private final Path out;
  private final boolean forceEmbedded;

  PipelineRun(GlobalOptions global, CommandSpec spec, Path out, boolean forceEmbedded) {
    this.global = global;
    this.spec = spec;
    this.out = out;
    this.forceEmbedded = forceEmbedded;
  }

  /**
   * Validates, starts and (unless {@code noWait}) follows a run.
   *
   * @param pipeline a template name or a definition file
   * @param inputFile the input file, {@code -} for stdin, or null for an empty input
   * @param workflowId the workflow id, or null for the default
   * @param noWait return once started
   * @return {@link ExitCodes#OK} when the run completed (or started, with {@code noWait})
   * @throws CliException USAGE with one {@code file:line: jsonPath: reason} line per problem,
   *     STILL_RUNNING when a run with this id runs, RUN_FAILED when the run did not complete
   */
  int run(String pipeline, String inputFile, String workflowId, boolean noWait) throws Exception {
    PipelineRequest request = request(pipeline, inputFile);
    String id = workflowId != null ? workflowId : PipelineRuns.workflowId(request);
    try (MutatingAction action =
        Guardrails.load(global).begin("pipeline:run", request.definition().id(), id)) {
      try {
        return start(request, id, noWait, action);
      } catch (Exception e) {
        throw action.failed(e);
      }
    }
  }

  /** The validated request: definition and input with the schema's defaults. */
  static PipelineRequest request(String pipeline, String inputFile) {
    PipelineSource source;
    try {
      source = PipelineSource.resolve(pipeline);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage());
    } catch (DefinitionException e) {
      throw invalid("the definition " + pipeline, e);
    }
    try {
      String name = inputFile == null ? "<no --input>" : InputDocuments.name(inputFile);
      String text = inputFile == null ? "" : InputDocuments.read(inputFile, System.in);
      JsonNode valid = PipelineInputs.validate(source.definition(), text, name);
      return new PipelineRequest(source.definition(), valid, source.source());
    } catch (DefinitionException e) {
      throw invalid("the input", e);
    }
  }

  private static CliException invalid(String what, DefinitionException e) {
    return new CliException(ExitCodes.USAGE, what + " is not valid:\n" + PipelineRuns.problems(e));
  }

  private int start(PipelineRequest request, String id, boolean noWait, MutatingAction action)
      throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    try (Session session = Session.open(global, forceEmbedded, out, err)) {
      if (noWait && session.worker() != null) {
        throw new CliException(
            ExitCodes.USAGE,
            "--no-wait needs a Temporal server that outlives this command; the embedded one stops"
                + " when it ends (start one with ./bunsui dev, or drop --no-wait)");
      }
      Temporal temporal = session.temporal();
      boolean embedded = session.worker() != null;
      if (session.worker() == null && !temporal.hasWorkflowPollers(PipelineRuns.TASK_QUEUE)) {
        err.println(
            "warning: no worker polls task queue "
                + PipelineRuns.TASK_QUEUE
                + " on "
                + temporal.target
                + "; start one with ./bunsui worker --target "
                + temporal.target);
      }
      PipelineWorkflow stub =
          temporal.client.newWorkflowStub(
              PipelineWorkflow.class, PipelineRuns.options(id, request));
      WorkflowExecution execution;
      try {
        execution = WorkflowClient.start(stub::run, request);
      } catch (WorkflowExecutionAlreadyStarted e) {
        throw new CliException(
            ExitCodes.STILL_RUNNING,
            "a run with this definition and input is already running as "
                + id
                + "; follow it with bunsui session describe "
                + id);
      }
      err.println(
          "started "
              + id
              + " ("
              + request.definition().id()
              + ") on "
              + temporal.target
              + " (namespace "
              + temporal.namespace
              + ")");
      err.flush();
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("workflowId", id);
      summary.put("runId", execution.getRunId());
      summary.put("pipeline", request.definition().id());
      if (noWait) {
        summary.put("status", "running");
        summary.put("describe", "bunsui session describe " + id);
        action.succeeded("started run " + execution.getRunId());
        Output.print(spec.commandLine().getOut(), global.format(), summary);
        return ExitCodes.OK;
      }
      JobWatch.Outcome outcome =
          follow(temporal.client, id, err, embedded ? temporal.target : null, summary);
      print(spec.commandLine().getOut(), global.format(), summary);
      if (!"completed".equals(outcome.status())) {
        throw new CliException(
            ExitCodes.RUN_FAILED, "run " + id + " " + outcome.status() + ": " + outcome.failure());
      }
      action.succeeded("pipeline " + request.definition().id() + ": " + brief(summary));
      return ExitCodes.OK;
    }
  }

  /**
   * Follows a pipeline run until it closes: prints its step and item events to {@code err} as they
   * happen and adds its status, per-step summary and failure to {@code summary}.
   *
   * @param client a connected client
   * @param id the run's workflow id
   * @param err where the events go
   * @param embeddedTarget the address of the embedded server the run is on, which the approve
   *     command then needs as {@code --target}; null for a server given by {@code --target}
   * @param summary receives {@code status}, {@code steps} and, unless completed, {@code failure}
   * @return how the run ended
   * @throws Exception when watching is interrupted or the run cannot be read
   */
  static JobWatch.Outcome follow(
      io.temporal.client.WorkflowClient client,
      String id,
      PrintWriter err,
      String embeddedTarget,
      Map<String, Object> summary)
      throws Exception {
    JobWatch.Outcome outcome =
        new JobWatch(client, id, POLL)
            .watch(
                event -> {
                  err.println(event.line());
                  if (embeddedTarget != null && JobEvent.APPROVAL_REQUESTED.equals(event.event())) {
                    // the embedded server lives only as long as this command, on its own port
                    err.println(
                        "  (this run is on the embedded server at "
                            + embeddedTarget
                            + ": from another terminal, add --target "
                            + embeddedTarget
                            + " to that command)");
                  }
                  err.flush();
                },
                null);
    summary.put("status", outcome.status());
    if (outcome.record() != null) {
      summary.put("steps", RecordSummaries.steps(outcome.record()));
    }
    if (outcome.failure() != null) {
      summary.put("failure", outcome.failure());
    }
    return outcome;
  }

  /** Prints a run summary: a step table in text, the whole map in JSON or YAML. */
  static void print(PrintWriter o, GlobalOptions.Format format, Map<String, Object> summary) {
    if (format != GlobalOptions.Format.TABLE) {
      Output.print(o, format, summary);
      return;
    }
    o.printf("%-14s %s%n", "workflowId", summary.get("workflowId"));
    o.printf("%-14s %s%n", "status", summary.get("status"));
    if (summary.get("failure") != null) {
      o.printf("%-14s %s%n", "failure", summary.get("failure"));
    }
    o.printf("%-24s %-16s %8s %10s  %s%n", "STEP", "STATUS", "ATTEMPTS", "DURATION", "REASON");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> steps =
        (List<Map<String, Object>>) summary.getOrDefault("steps", List.of());
    for (Map<String, Object> s : steps) {
      Object ms = s.get("durationMillis");
      o.printf(
          "%-24s %-16s %8s %10s  %s%n",
          s.get("step"),
          s.get("status"),
          s.get("attempts"),
          ms == null ? "-" : ms + " ms",
          s.get("reason") == null ? "" : s.get("reason"));
    }
    o.flush();
  }

  private static String brief(Map<String, Object> summary) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> steps = (List<Map<String, Object>>) summary.get("steps");
    StringBuilder b = new StringBuilder(String.valueOf(summary.get("status")));
    for (Map<String, Object> s : steps) {
      b.append(", ").append(s.get("step")).append(' ').append(s.get("status"));
    }
    return b.toString();
  }
}

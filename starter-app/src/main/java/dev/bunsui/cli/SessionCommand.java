package dev.bunsui.cli;

import dev.bunsui.book.BookProgress;
import dev.bunsui.book.BookResult;
import dev.bunsui.book.BookWorkflow;
import dev.bunsui.cli.guard.Guardrails;
import dev.bunsui.cli.pipeline.JobWatch;
import dev.bunsui.cli.pipeline.RecordSummaries;
import dev.bunsui.pipeline.ExecutionRecord;
import dev.bunsui.pipeline.PipelineResult;
import dev.bunsui.pipeline.PipelineWorkflow;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bunsui session list|describe|watch|result|cancel|rerun|approve|reject}: a session is one
 * workflow execution.
 */
@Command(
    name = "session",
    description = "Sessions (workflow executions).",
    mixinStandardHelpOptions = true,
    subcommands = {
      SessionCommand.Describe.class,
      SessionCommand.Watch.class,
      SessionCommand.Result.class,
      SessionListCommand.class,
      SessionCancelCommand.class,
      SessionRerunCommand.class,
      SessionDecisionCommand.Approve.class,
      SessionDecisionCommand.Reject.class
    })
public class SessionCommand {

  abstract static class Base implements Callable<Integer> {
    @Mixin GlobalOptions global;

    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "Workflow id of the session.")
    String id;

    WorkflowExecutionInfo describe(Temporal t) {
      try {
        return t.service
            .blockingStub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(t.namespace)
                    .setExecution(WorkflowExecution.newBuilder().setWorkflowId(id).build())
                    .build())
            .getWorkflowExecutionInfo();
      } catch (StatusRuntimeException e) {
        throw t.sessionError(e, id);
      }
    }

    Map<String, Object> summary(Temporal t, WorkflowExecutionInfo info) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("workflowId", id);
      m.put("runId", info.getExecution().getRunId());
      m.put("type", info.getType().getName());
      m.put("status", status(info.getStatus()));
      m.put("started", Instant.ofEpochSecond(info.getStartTime().getSeconds()).toString());
      if (info.hasCloseTime() && info.getCloseTime().getSeconds() > 0) {
        m.put("closed", Instant.ofEpochSecond(info.getCloseTime().getSeconds()).toString());
      }
      m.put("historyEvents", info.getHistoryLength());
      if ("BookWorkflow".equals(info.getType().getName())) {
        try {
          BookProgress p = t.client.newWorkflowStub(BookWorkflow.class, id).progress();
          m.put("progress", p);
        } catch (RuntimeException e) {
          m.put("progress", "unavailable: " + e.getMessage());
        }
      }
      if (PipelineWorkflow.TYPE.equals(info.getType().getName())) {
        ExecutionRecord record = pipelineRecord(t, info);
        if (record == null) {
          m.put("record", "unavailable: no worker answered the record query");
        } else {
          m.put("pipeline", record.pipelineId());
          m.put("pendingApprovals", RecordSummaries.pendingApprovals(record));
          m.put("steps", RecordSummaries.steps(record));
          m.put("record", record);
        }
      }
      return m;
    }

    /** The record from the query, or from the result of a completed run; null when neither. */
    ExecutionRecord pipelineRecord(Temporal t, WorkflowExecutionInfo info) {
      JobWatch watch = new JobWatch(t.client, id, java.time.Duration.ZERO);
      if (info.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
        try {
          return t.client.newUntypedWorkflowStub(id).getResult(PipelineResult.class).record();
        } catch (RuntimeException e) {
          // fall back to the query
        }
      }
      return watch.query("record", ExecutionRecord.class).orElse(null);
    }

    static String status(WorkflowExecutionStatus s) {
      return s.name().replace("WORKFLOW_EXECUTION_STATUS_", "");
    }
  }

  /** {@code bunsui session describe ID}. */
  @Command(
      name = "describe",
      description = "Status and progress of a session.",
      mixinStandardHelpOptions = true)
  static class Describe extends Base {
    @Override
    public Integer call() {
      Guardrails.load(global).checkRead("session:describe");
      try (Temporal t = Temporal.connect(global)) {
        Output.print(spec.commandLine().getOut(), global.format(), summary(t, describe(t)));
        return ExitCodes.OK;
      }
    }
  }

  /** {@code bunsui session watch ID}. */
  @Command(
      name = "watch",
      description = "Follow a session's progress until it ends.",
      mixinStandardHelpOptions = true)
  static class Watch extends Base {
    @Override
    public Integer call() throws Exception {
      Guardrails.load(global).checkRead("session:watch");
      try (Temporal t = Temporal.connect(global)) {
        if (PipelineWorkflow.TYPE.equals(describe(t).getType().getName())) {
          return watchPipeline(t);
        }
        CompletableFuture<BookResult> result =
            t.client.newUntypedWorkflowStub(id).getResultAsync(BookResult.class);
        new ProgressWatcher(t.client, id, spec.commandLine().getErr()).watchUntil(result);
        BookResult r = Failures.await(result, id);
        Output.print(
            spec.commandLine().getOut(),
            global.format(),
            Map.of("workflowId", id, "summary", RunCommand.summaryLine(r)));
        return ExitCodes.OK;
      }
    }

    /** A pipeline run: its step and item events as they happen, then the per-step summary. */
    private int watchPipeline(Temporal t) throws Exception {
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("workflowId", id);
      JobWatch.Outcome outcome =
          PipelineRun.follow(t.client, id, spec.commandLine().getErr(), null, summary);
      PipelineRun.print(spec.commandLine().getOut(), global.format(), summary);
      return "completed".equals(outcome.status()) ? ExitCodes.OK : ExitCodes.RUN_FAILED;
    }
  }

  /** {@code bunsui session result ID}. */
  @Command(
      name = "result",
      description = "The result of a finished session.",
      mixinStandardHelpOptions = true)
  static class Result extends Base {
    @Override
    public Integer call() throws Exception {
      Guardrails.load(global).checkRead("session:result");
      try (Temporal t = Temporal.connect(global)) {
        WorkflowExecutionInfo info = describe(t);
        if (info.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
          throw new CliException(
              ExitCodes.STILL_RUNNING,
              "session " + id + " is still running; follow it with bunsui session watch " + id);
        }
        Class<?> type =
            PipelineWorkflow.TYPE.equals(info.getType().getName())
                ? PipelineResult.class
                : BookResult.class;
        Object r = Failures.await(t.client.newUntypedWorkflowStub(id).getResultAsync(type), id);
        Output.print(spec.commandLine().getOut(), global.format(), r);
        return ExitCodes.OK;
      }
    }
  }
}

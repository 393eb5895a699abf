package dev.bunsui.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bunsui.book.BookProgress;
import dev.bunsui.book.BookResult;
import dev.bunsui.book.BookWorkflow;
import dev.bunsui.cli.BookRuns;
import dev.bunsui.cli.Failures;
import dev.bunsui.cli.Rerun;
import dev.bunsui.cli.Temporal;
import dev.bunsui.cli.guard.Guardrails;
import dev.bunsui.cli.guard.MutatingAction;
import dev.bunsui.cli.pipeline.Approvals;
import dev.bunsui.cli.pipeline.JobEvents;
import dev.bunsui.cli.pipeline.JobWatch;
import dev.bunsui.cli.pipeline.PipelineRuns;
import dev.bunsui.cli.pipeline.RecordSummaries;
import dev.bunsui.pipeline.ApprovalDecision;
import dev.bunsui.pipeline.ExecutionRecord;
import dev.bunsui.pipeline.PipelineResult;
import dev.bunsui.pipeline.PipelineWorkflow;
import dev.bunsui.pipeline.StepRecord;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * What the API does with jobs, over the Temporal client: start, read, watch, cancel, rerun and
 * decide approvals. Every state lives in Temporal; mutating calls go through the guard rails of the
 * {@code bunsui serve} process (read-only mode, permissions, audit log).
 */
public class JobService {
  private final Temporal temporal;
  private final Guardrails guard;
  private final Duration pollInterval;
  private final JobRequests requests;

  /**
   * Creates the service.
   *
   * @param temporal the connection
   * @param guard the guard rails of the serving process
   * @param pollInterval how often streams and sync requests poll a run
   * @param json the API's object mapper (for book inputs)
   */
  public JobService(Temporal temporal, Guardrails guard, Duration pollInterval, ObjectMapper json) {
    this.temporal = temporal;
    this.guard = guard;
    this.pollInterval = pollInterval;
    this.requests = new JobRequests(json);
  }

  /** The connection. */
  public Temporal temporal() {
    return temporal;
  }

  /**
   * Validates and starts a job.
   *
   * @param body the request
   * @return {@code id}, {@code run_id}, {@code pipeline_type} and {@code status: running}
   * @throws ApiException 400 naming the field for a bad request, 409 when the job runs already, 403
   *     when the guard rails refuse
   */
  public Map<String, Object> start(JobRequest body) {
    JobRequests.Valid valid = requests.validate(body);
    String id = valid.workflowId();
    try (MutatingAction action = guard.begin("pipeline:run", valid.pipelineType(), id)) {
      try {
        String runId =
            valid.pipeline() != null
                ? WorkflowClient.start(
                        client()
                                .newWorkflowStub(
                                    PipelineWorkflow.class,
                                    PipelineRuns.options(id, valid.pipeline()))
                            ::run,
                        valid.pipeline())
                    .getRunId()
                : WorkflowClient.start(
                        client()
                                .newWorkflowStub(
                                    BookWorkflow.class, BookRuns.options(id, valid.book()))
                            ::run,
                        valid.book())
                    .getRunId();
        action.succeeded("started run " + runId + " via the HTTP API");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("run_id", runId);
        out.put("pipeline_type", valid.pipelineType());
        out.put("status", "running");
        out.put("links", Links.of(id));
        return out;
      } catch (WorkflowExecutionAlreadyStarted e) {
        throw action.failed(
            new ApiException(
                HttpStatus.CONFLICT,
                null,
                "job " + id + " (same pipeline and input) is already running"));
      } catch (RuntimeException e) {
        throw action.failed(e);
      }
    }
  }

  /** The sync-mode wait of a validated request, in seconds (default 60). */
  Duration syncTimeout(JobRequest body) {
    return Duration.ofSeconds(body.timeoutSeconds() == null ? 60 : body.timeoutSeconds());
  }

  /**
   * A job's status: {@code id}, {@code run_id}, {@code workflow_type}, {@code status}, {@code
   * started}, {@code closed}; for a pipeline run its {@code record}, {@code steps} summary and
   * {@code pending_approvals}; for a book run its {@code progress} and, once completed, {@code
   * result}; for a failed run its {@code failure}.
   *
   * @throws ApiException 404 when there is no such job
   */
  public Map<String, Object> status(String id) {
    JobWatch watch = new JobWatch(client(), id, pollInterval);
    WorkflowExecutionInfo info = describe(watch, id);
    String type = info.getType().getName();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("run_id", info.getExecution().getRunId());
    out.put("workflow_type", type);
    out.put("status", JobWatch.status(info.getStatus()));
    out.put("started", Instant.ofEpochSecond(info.getStartTime().getSeconds()).toString());
    if (info.hasCloseTime() && info.getCloseTime().getSeconds() > 0) {
      out.put("closed", Instant.ofEpochSecond(info.getCloseTime().getSeconds()).toString());
    }
    boolean completed =
        info.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED;
    boolean running = info.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    WorkflowStub stub = client().newUntypedWorkflowStub(id);
    if (PipelineWorkflow.TYPE.equals(type)) {
      ExecutionRecord record = null;
      if (completed) {
        PipelineResult result = stub.getResult(PipelineResult.class);
        out.put("result_status", result.status());
        record = result.record();
      } else {
        record = watch.query("record", ExecutionRecord.class).orElse(null);
      }
      out.put("pipeline", record == null ? null : record.pipelineId());
      out.put("pending_approvals", RecordSummaries.pendingApprovals(record));
      out.put("steps", RecordSummaries.steps(record));
      out.put("record", record);
    } else if ("BookWorkflow".equals(type)) {
      out.put("pipeline", "book");
      if (running) {
        out.put("progress", watch.query("progress", BookProgress.class).orElse(null));
      } else if (completed) {
        out.put("result", stub.getResult(BookResult.class));
      }
    }
    if (!running && !completed) {
      out.put("failure", failure(stub));
    }
    out.put("links", Links.of(id));
    return out;
  }

  /**
   * Follows a job, handing each event to the sink, until it ends or the timeout passes.
   *
   * @throws IOException when the sink throws it (the client went away); the job goes on
   */
  public JobWatch.Outcome watch(String id, JobWatch.Sink sink, Duration timeout)
      throws IOException, InterruptedException {
    JobWatch watch = new JobWatch(client(), id, pollInterval);
    describe(watch, id);
    return watch.watch(sink, timeout);
  }

  /** Checks that the job exists (for a 404 before a stream starts). */
  public void requireExists(String id) {
    describe(new JobWatch(client(), id, pollInterval), id);
  }

  /**
   * Requests cancellation of a running job.
   *
   * @throws ApiException 404 unknown, 409 not running
   */
  public Map<String, Object> cancel(String id) {
    try (MutatingAction action = guard.begin("session:cancel", id, id)) {
      try {
        WorkflowExecutionInfo info = describe(new JobWatch(client(), id, pollInterval), id);
        if (info.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
          throw new ApiException(
              HttpStatus.CONFLICT,
              null,
              "job " + id + " is " + JobWatch.status(info.getStatus()) + ", not running");
        }
        client().newUntypedWorkflowStub(id).cancel();
        action.succeeded(
            "cancel requested for run " + info.getExecution().getRunId() + " via the HTTP API");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("run_id", info.getExecution().getRunId());
        out.put("status", "cancel_requested");
        out.put("links", Links.of(id));
        return out;
      } catch (RuntimeException e) {
        throw action.failed(e);
      }
    }
  }

  /**
   * Reruns a closed job (see {@link Rerun}).
   *
   * @param body strategy and step; may be null
   * @throws ApiException 400 for a bad strategy; CLI failures map as in {@link ApiProblems}
   */
  public Map<String, Object> rerun(String id, RerunRequest body) {
    Rerun.Strategy strategy;
    String s = body == null ? null : body.strategy();
    if (s == null || s.isBlank()) {
      strategy = temporal.supportsReset() ? Rerun.Strategy.RESET : Rerun.Strategy.CACHE;
    } else {
      try {
        strategy = Rerun.Strategy.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ApiException(
            HttpStatus.BAD_REQUEST, "strategy", "strategy must be reset or cache, not '" + s + "'");
      }
    }
    String from = body == null ? null : body.fromStep();
    try (MutatingAction action = guard.begin("session:rerun", id, id)) {
      try {
        Map<String, Object> out =
            Rerun.run(temporal, id, strategy, from, false, guard.actor() + " (HTTP API)");
        action.succeeded("strategy " + strategy + ", new run " + out.get("newRunId"));
        Map<String, Object> api = new LinkedHashMap<>();
        api.put("id", id);
        api.put("original_run_id", out.get("originalRunId"));
        api.put("run_id", out.get("newRunId"));
        api.put("strategy", strategy.toString());
        api.put("plan", out.get("plan"));
        api.put("status", "running");
        api.put("links", Links.of(id));
        return api;
      } catch (RuntimeException e) {
        throw action.failed(e);
      }
    }
  }

  /**
   * Approves or rejects a step.
   *
   * @throws ApiException 400 missing step or approver (naming the field) or not a pipeline run, 404
   *     unknown job, 409 closed run or the validator's refusal (step unknown or not waiting)
   */
  public Map<String, Object> decide(String id, boolean approve, DecisionRequest body) {
    if (body == null || body.step() == null || body.step().isBlank()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "step", "step is required");
    }
    if (body.approver() == null || body.approver().isBlank()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "approver", "approver is required");
    }
    String action = approve ? "session:approve" : "session:reject";
    try (MutatingAction audit = guard.begin(action, body.step(), id)) {
      try {
        StepRecord after =
            Approvals.decide(
                client(),
                id,
                approve,
                new ApprovalDecision(body.step(), body.approver(), body.comment()));
        audit.succeeded(
            (approve ? "approved " : "rejected ")
                + body.step()
                + " by "
                + body.approver()
                + " via the HTTP API");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("step", body.step());
        out.put("decision", approve ? "approved" : "rejected");
        out.put("approver", body.approver());
        out.put("step_status", JobEvents.name(after.status()));
        out.put("step_record", after);
        out.put("links", Links.of(id));
        return out;
      } catch (Approvals.Refused e) {
        throw audit.failed(
            new ApiException(
                switch (e.kind()) {
                  case NOT_FOUND -> HttpStatus.NOT_FOUND;
                  case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
                  case CONFLICT -> HttpStatus.CONFLICT;
                },
                e.kind() == Approvals.Kind.CONFLICT ? "step" : null,
                e.getMessage()));
      } catch (RuntimeException e) {
        throw audit.failed(e);
      }
    }
  }

  private WorkflowClient client() {
    return temporal.client();
  }

  private static WorkflowExecutionInfo describe(JobWatch watch, String id) {
    try {
      return watch.describe();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw new ApiException(HttpStatus.NOT_FOUND, null, "no job " + id);
      }
      throw e;
    }
  }

  private static String failure(WorkflowStub stub) {
    try {
      stub.getResult(JsonNode.class);
      return null;
    } catch (RuntimeException e) {
      return Failures.rootCause(e);
    }
  }
}

package dev.bunsui.cli;

import dev.bunsui.book.BookRequest;
import dev.bunsui.book.BookResult;
import dev.bunsui.book.BookWorkflow;
import dev.bunsui.cli.pipeline.PipelineRuns;
import dev.bunsui.cli.steps.RerunPlan;
import dev.bunsui.cli.steps.SessionHistory;
import dev.bunsui.pipeline.PipelineRequest;
import dev.bunsui.pipeline.PipelineWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.ResetReapplyType;
import io.temporal.api.workflowservice.v1.ResetWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reruns a book session or a pipeline run ({@code bunsui session rerun}, {@code bunsui job rerun},
 * {@code POST /v1/jobs/{id}/rerun}) with one of two strategies, both of which spend nothing again
 * on steps that had succeeded:
 *
 * <ul>
 *   <li>{@code reset}: ResetWorkflowExecution to the workflow task completed just before the first
 *       failed step (or the one named), reapplying signals and updates ({@code
 *       RESET_REAPPLY_TYPE_ALL_ELIGIBLE}); the steps before it are kept from history, completed
 *       steps after it reuse their outputs from the worker's step cache.
 *   <li>{@code cache}: a new run with the same workflow id and the same input; every completed step
 *       reuses its output from the step cache. Works on any server and after code changes. A
 *       pipeline run is started again with the same definition and input (from its history).
 * </ul>
 */
public final class Rerun {
  private Rerun() {}

  /** Rerun strategies. */
  public enum Strategy {
    RESET,
    CACHE;

    @Override
    public String toString() {
      return name().toLowerCase();
    }
  }

  /**
   * Plans and (unless {@code dryRun}) starts a rerun.
   *
   * @param t connection
   * @param id the session's workflow id
   * @param strategy reset or cache
   * @param fromJob the step to rerun from (reset only); null for the first failed one
   * @param dryRun only report the plan
   * @param actor who asked (recorded in the reset reason)
   * @return the plan and, when started, the new run id
   * @throws CliException NOT_FOUND, STILL_RUNNING, USAGE (unknown step, not a book session, {@code
   *     --from-job} with cache), or RUN_FAILED when the server refuses the reset
   */
  public static Map<String, Object> run(
      Temporal t, String id, Strategy strategy, String fromJob, boolean dryRun, String actor) {
    SessionHistory session = load(t, id);
    if (!"BookWorkflow".equals(session.workflowType())
        && !PipelineWorkflow.TYPE.equals(session.workflowType())) {
      throw new CliException(
          ExitCodes.USAGE,
          id
              + " is a "
              + session.workflowType()
              + ", not a book session; rerun the book session it belongs to (its id is the"
              + " prefix before -chapter-)");
    }
    if ("running".equals(session.status())) {
      throw new CliException(
          ExitCodes.STILL_RUNNING,
          "session "
              + id
              + " is still running; cancel it first (bunsui session cancel "
              + id
              + ")");
    }
    RerunPlan plan;
    try {
      if (strategy == Strategy.RESET) {
        plan = RerunPlan.reset(session, fromJob);
      } else {
        if (fromJob != null) {
          throw new CliException(
              ExitCodes.USAGE,
              "--from-job works with --strategy reset; a cache rerun runs every step and reuses"
                  + " each stored output (use bunsui pipeline run --refresh to recompute all)");
        }
        plan = RerunPlan.cache(session);
      }
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sessionId", id);
    out.put("originalRunId", session.runId());
    out.put("strategy", strategy.toString());
    out.put("plan", plan);
    if (dryRun) {
      out.put("status", "dry_run");
      return out;
    }
    String newRun =
        strategy == Strategy.RESET ? reset(t, session, plan, actor) : startAgain(t, session);
    out.put("newRunId", newRun);
    out.put("status", "started");
    out.put("watch", "bunsui session watch " + id);
    return out;
  }

  static SessionHistory load(Temporal t, String id) {
    try {
      return SessionHistory.load(t.client, id, null);
    } catch (StatusRuntimeException e) {
      throw t.sessionError(e, id);
    }
  }

  private static String reset(Temporal t, SessionHistory s, RerunPlan plan, String actor) {
    try {
      return t.service
          .blockingStub()
          .resetWorkflowExecution(
              ResetWorkflowExecutionRequest.newBuilder()
                  .setNamespace(t.namespace)
                  .setWorkflowExecution(
                      WorkflowExecution.newBuilder()
                          .setWorkflowId(s.workflowId())
                          .setRunId(s.runId()))
                  .setReason(
                      "bunsui session rerun --strategy reset from "
                          + plan.fromStep()
                          + " by "
                          + actor)
                  .setWorkflowTaskFinishEventId(plan.resetEventId())
                  .setRequestId(UUID.randomUUID().toString())
                  .setResetReapplyTypeValue(ResetReapplyType.RESET_REAPPLY_TYPE_ALL_ELIGIBLE_VALUE)
                  .build())
          .getRunId();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        throw new CliException(
            ExitCodes.USAGE,
            "the server at "
                + t.target
                + " cannot reset workflows (the in-JVM server cannot); use --strategy cache, or"
                + " run against the real dev server (./bunsui dev)");
      }
      throw new CliException(
          ExitCodes.RUN_FAILED, "the server refused the reset: " + e.getStatus().getDescription());
    }
  }

  private static String startAgain(Temporal t, SessionHistory s) {
    if (PipelineWorkflow.TYPE.equals(s.workflowType())) {
      PipelineRequest pipeline =
          t.client
              .getOptions()
              .getDataConverter()
              .fromPayloads(
                  0, Optional.of(s.input()), PipelineRequest.class, PipelineRequest.class);
      PipelineWorkflow run =
          t.client.newWorkflowStub(
              PipelineWorkflow.class, PipelineRuns.options(s.workflowId(), pipeline));
      try {
        return WorkflowClient.start(run::run, pipeline).getRunId();
      } catch (WorkflowExecutionAlreadyStarted e) {
        throw new CliException(
            ExitCodes.STILL_RUNNING, "session " + s.workflowId() + " was started again meanwhile");
      }
    }
    BookRequest request =
        t.client
            .getOptions()
            .getDataConverter()
            .fromPayloads(0, Optional.of(s.input()), BookRequest.class, BookRequest.class);
    BookWorkflow book =
        t.client.newWorkflowStub(BookWorkflow.class, BookRuns.options(s.workflowId(), request));
    try {
      return WorkflowClient.start(book::run, request).getRunId();
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw new CliException(
          ExitCodes.STILL_RUNNING, "session " + s.workflowId() + " was started again meanwhile");
    }
  }

  /**
   * Waits for the session's latest run to end.
   *
   * @return the result
   * @throws CliException RUN_FAILED with the root cause when the run fails
   */
  static BookResult await(Temporal t, String id) throws InterruptedException {
    return Failures.await(t.client.newUntypedWorkflowStub(id).getResultAsync(BookResult.class), id);
  }
}

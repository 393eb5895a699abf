package dev.bunsui.cli.pipeline;

import dev.bunsui.pipeline.ApprovalDecision;
import dev.bunsui.pipeline.PipelineWorkflow;
import dev.bunsui.pipeline.StepRecord;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;

/**
 * Sends the {@code approve} and {@code reject} Updates of a pipeline run, for the CLI and the HTTP
 * API. Checks first that the run exists, is a pipeline run and is running, so each refusal says
 * which of these it was; the workflow's Update validator then refuses an unknown step or a step
 * that is not waiting, with its own message.
 */
public final class Approvals {
  private Approvals() {}

  /** Why an Update was not applied. */
  public static final class Refused extends RuntimeException {
    private final Kind kind;

    Refused(Kind kind, String message) {
      super(message);
      this.kind = kind;
    }

    /** What kind of refusal. */
    public Kind kind() {
      return kind;
    }
  }

  /** Kinds of refusal. */
  public enum Kind {
    /** No such run. */
    NOT_FOUND,
    /** Not a pipeline run, or the decision lacks a step or an approver. */
    BAD_REQUEST,
    /** The run is closed, or the validator rejected the decision (step unknown or not waiting). */
    CONFLICT
  }

  /**
   * Decides on a step.
   *
   * @param client a connected client
   * @param id the run's workflow id
   * @param approve true to approve, false to reject
   * @param decision the step, the approver and a comment
   * @return the step's record after the decision
   * @throws Refused with the reason; a gRPC NOT_FOUND from describing becomes {@link
   *     Kind#NOT_FOUND}
   */
  public static StepRecord decide(
      WorkflowClient client, String id, boolean approve, ApprovalDecision decision) {
    String verb = approve ? "approve" : "reject";
    if (decision.step() == null || decision.step().isBlank()) {
      throw new Refused(Kind.BAD_REQUEST, verb + ": the step is missing");
    }
    if (decision.approver() == null || decision.approver().isBlank()) {
      throw new Refused(Kind.BAD_REQUEST, verb + ": the approver is missing");
    }
    WorkflowExecutionInfo info;
    try {
      info = new JobWatch(client, id, java.time.Duration.ZERO).describe();
    } catch (io.grpc.StatusRuntimeException e) {
      if (e.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND) {
        throw new Refused(Kind.NOT_FOUND, "no run " + id);
      }
      throw e;
    }
    if (!PipelineWorkflow.TYPE.equals(info.getType().getName())) {
      throw new Refused(
          Kind.BAD_REQUEST,
          id
              + " is a "
              + info.getType().getName()
              + " run, not a pipeline run; it has no approvals");
    }
    if (info.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      throw new Refused(
          Kind.CONFLICT,
          "run " + id + " is " + JobWatch.status(info.getStatus()) + ", not running");
    }
    PipelineWorkflow run = client.newWorkflowStub(PipelineWorkflow.class, id);
    try {
      return approve ? run.approve(decision) : run.reject(decision);
    } catch (WorkflowNotFoundException e) {
      throw new Refused(Kind.NOT_FOUND, "no run " + id);
    } catch (WorkflowUpdateException e) {
      throw new Refused(Kind.CONFLICT, verb + " " + decision.step() + " refused: " + message(e));
    }
  }

  private static String message(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure a) {
        return a.getOriginalMessage();
      }
    }
    return String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
  }
}

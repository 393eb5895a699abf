package dev.bunsui.pipeline;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The generic workflow that interprets a {@link PipelineDefinition}: steps whose dependencies are
 * met run in parallel, each tool call is an activity whose type is the tool name, conditions and
 * approvals decide what runs, and the {@code record} query returns the execution record.
 */
@WorkflowInterface
public interface PipelineWorkflow {

  /** The workflow type name. */
  String TYPE = "PipelineWorkflow";

  /**
   * Runs the pipeline to the end.
   *
   * @param request the definition, the run input and where the definition came from
   * @return the final execution record; a step failing with {@code on_error: fail} fails the run
   *     with an {@code ApplicationFailure} naming the step
   */
  @WorkflowMethod
  PipelineResult run(PipelineRequest request);

  /**
   * The execution record now: inputs, each step's status, input and output references, attempts,
   * durations, approvals and items.
   */
  @QueryMethod
  ExecutionRecord record();

  /**
   * Approves a step waiting for approval.
   *
   * @param decision the step, the approver and a comment
   * @return the step's record after the decision
   */
  @UpdateMethod
  StepRecord approve(ApprovalDecision decision);

  /** Rejects an unknown step, a step not waiting for approval, or a decision without approver. */
  @UpdateValidatorMethod(updateName = "approve")
  void validateApprove(ApprovalDecision decision);

  /**
   * Rejects a step waiting for approval: it is skipped, and so are its dependents.
   *
   * @param decision the step, the approver and a comment
   * @return the step's record after the decision
   */
  @UpdateMethod
  StepRecord reject(ApprovalDecision decision);

  /** Rejects an unknown step, a step not waiting for approval, or a decision without approver. */
  @UpdateValidatorMethod(updateName = "reject")
  void validateReject(ApprovalDecision decision);
}

package dev.bunsui.pipeline;

import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic implementation of {@link PipelineWorkflow}: interprets the {@link
 * PipelineDefinition} carried by the workflow input (so editing a definition file never changes a
 * run in flight).
 *
 * <p>The scheduler loop starts every step whose dependencies have finished ({@link StepGraph}) as a
 * coroutine ({@link StepRunner}), then waits until something changes; steps whose dependencies are
 * met run in parallel. A fallback step starts only when a step naming it fails; it ends {@link
 * StepStatus#NOT_NEEDED} otherwise. When a step fails with {@code on_error: fail} no new step
 * starts, the running ones finish, the steps never started are skipped ({@code run failed at step
 * X}), {@code FailedStep} is set and the run fails with a non-retryable {@link ApplicationFailure}
 * whose type is the step's error code. A cancelled run marks its unfinished steps {@link
 * StepStatus#CANCELLED}.
 */
public class PipelineWorkflowImpl implements PipelineWorkflow {
  private final RunVisibility visibility = new RunVisibility();
  private RunState state;

  @Override
  public PipelineResult run(PipelineRequest request) {
    state = new RunState(request, Workflow.getInfo().getWorkflowId(), Workflow.currentTimeMillis());
    visibility.start(state);
    try {
      schedule();
    } catch (CanceledFailure cancelled) {
      Workflow.newDetachedCancellationScope(this::cancelled).run();
      throw cancelled;
    }
    if (state.halted()) {
      throw failed();
    }
    state.status = "completed";
    state.finishedAtMillis = Workflow.currentTimeMillis();
    visibility.finish(state, "COMPLETED");
    Workflow.await(Workflow::isEveryHandlerFinished);
    boolean clean =
        state.steps.values().stream()
            .allMatch(
                s ->
                    (s.status == StepStatus.SUCCEEDED || s.status == StepStatus.NOT_NEEDED)
                        && s.units.stream().allMatch(u -> u.status == StepStatus.SUCCEEDED));
    return new PipelineResult(clean ? "completed" : "completed_with_skips", state.record());
  }

  /** Starts ready steps until every step has finished or the run has failed. */
  private void schedule() {
    StepRunner runner = new StepRunner(state);
    while (true) {
      rethrowCoroutineFailure();
      boolean progress = resolveFallbacks();
      if (!state.halted()) {
        progress |= startReady(runner);
      }
      visibility.publish(state);
      boolean active = state.steps.values().stream().anyMatch(StepRun::active);
      if (!active && !progress) {
        if (!state.halted() && !state.steps.values().stream().allMatch(s -> s.done)) {
          neverReady();
        }
        break;
      }
      int seen = state.version;
      Workflow.await(() -> state.version != seen);
    }
    if (state.halted()) {
      long now = Workflow.currentTimeMillis();
      for (StepRun s : state.steps.values()) {
        if (s.status == StepStatus.PENDING) {
          StepRunner.skip(s, state.haltReason());
          s.finishedAtMillis = now;
        }
      }
    }
  }

  /** Starts each pending step whose dependencies have finished; marks unneeded fallbacks. */
  private boolean startReady(StepRunner runner) {
    boolean changed = false;
    for (StepRun s : state.steps.values()) {
      if (s.status != StepStatus.PENDING || s.promise != null) {
        continue;
      }
      if (state.graph.isFallback(s.id())) {
        changed |= fallbackReady(runner, s);
      } else if (dependenciesFinished(s)) {
        s.promise = Async.procedure(runner::run, s);
        changed = true;
      }
    }
    return changed;
  }

  private boolean fallbackReady(StepRunner runner, StepRun s) {
    List<String> primaries = state.graph.primaries(s.id());
    for (String p : primaries) {
      StepRun primary = state.steps.get(p);
      if (primary.awaitingFallback && s.id().equals(primary.fallback)) {
        if (!dependenciesFinished(s)) {
          return false;
        }
        s.fallback = p;
        s.promise = Async.procedure(runner::run, s);
        return true;
      }
    }
    if (primaries.stream().allMatch(p -> state.steps.get(p).done)) {
      s.status = StepStatus.NOT_NEEDED;
      s.reason = "not needed: " + String.join(", ", primaries) + " did not fail";
      s.finishedAtMillis = Workflow.currentTimeMillis();
      s.entry("not_needed", null, s.reason);
      s.done = true;
      return true;
    }
    return false;
  }

  private boolean dependenciesFinished(StepRun s) {
    for (String d : state.graph.dependencies(s.id())) {
      StepRun ds = state.steps.get(d);
      if (!ds.done && !(ds.awaitingFallback && s.id().equals(ds.fallback))) {
        return false;
      }
    }
    return true;
  }

  /** A failed step whose fallback has finished takes the fallback's output and is done. */
  private boolean resolveFallbacks() {
    boolean changed = false;
    for (StepRun s : state.steps.values()) {
      if (!s.awaitingFallback) {
        continue;
      }
      StepRun f = state.steps.get(s.fallback);
      if (!f.done) {
        continue;
      }
      boolean stoodIn = f.status == StepStatus.SUCCEEDED || StepRunner.standsIn(f);
      s.awaitingFallback = false;
      s.entry("failed", stoodIn ? f.entry.get("output") : null, s.reason);
      s.done = true;
      changed = true;
    }
    if (changed) {
      state.changed();
    }
    return changed;
  }

  /** Nothing runs and nothing can start: the remaining steps wait for each other. */
  private void neverReady() {
    for (StepRun s : state.steps.values()) {
      if (!s.done && s.status == StepStatus.PENDING) {
        List<String> waiting = new ArrayList<>();
        for (String d : state.graph.dependencies(s.id())) {
          if (!state.steps.get(d).done) {
            waiting.add(d);
          }
        }
        StepRunner.skip(s, "never ready: waits for " + String.join(", ", waiting));
      }
    }
  }

  private void rethrowCoroutineFailure() {
    for (StepRun s : state.steps.values()) {
      if (s.promise != null && s.promise.isCompleted() && s.promise.getFailure() != null) {
        throw s.promise.getFailure();
      }
    }
  }

  private ApplicationFailure failed() {
    state.status = "failed";
    state.finishedAtMillis = Workflow.currentTimeMillis();
    visibility.finish(state, "FAILED");
    Workflow.await(Workflow::isEveryHandlerFinished);
    String message =
        "pipeline "
            + state.request.definition().id()
            + " failed at step "
            + state.failedStep
            + " ("
            + state.failedCode
            + "): "
            + state.failedReason;
    return ApplicationFailure.newNonRetryableFailure(message, state.failedCode, state.failedStep);
  }

  /** Runs in a detached scope after the run was cancelled. */
  private void cancelled() {
    Workflow.await(() -> state.steps.values().stream().noneMatch(StepRun::active));
    long now = Workflow.currentTimeMillis();
    for (StepRun s : state.steps.values()) {
      switch (s.status) {
        case PENDING, WAITING_APPROVAL, SCHEDULED, RUNNING -> {
          s.status = StepStatus.CANCELLED;
          s.reason = "the run was cancelled";
          s.finishedAtMillis = now;
        }
        default -> {}
      }
      for (ItemRun u : s.units) {
        if (!u.finished()) {
          u.status = StepStatus.CANCELLED;
          u.reason = "the run was cancelled";
          u.finishedAtMillis = now;
        }
      }
    }
    state.status = "cancelled";
    state.finishedAtMillis = now;
    visibility.finish(state, "CANCELLED");
  }

  @Override
  public ExecutionRecord record() {
    return state == null ? null : state.record();
  }

  @Override
  public StepRecord approve(ApprovalDecision decision) {
    return decide(decision, true);
  }

  @Override
  public void validateApprove(ApprovalDecision decision) {
    validate(decision);
  }

  @Override
  public StepRecord reject(ApprovalDecision decision) {
    return decide(decision, false);
  }

  @Override
  public void validateReject(ApprovalDecision decision) {
    validate(decision);
  }

  private StepRecord decide(ApprovalDecision d, boolean approve) {
    StepRun s = state.steps.get(d.step());
    if (s.status != StepStatus.WAITING_APPROVAL || s.approved != null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "step " + d.step() + " is no longer waiting for approval (it is " + s.status + ")",
          "APPROVAL_NOT_PENDING");
    }
    ApprovalRecord a = s.approval;
    s.approval =
        new ApprovalRecord(
            approve ? "approved" : "rejected",
            a.requestedAtMillis(),
            a.deadlineMillis(),
            d.approver().strip(),
            d.comment(),
            Workflow.currentTimeMillis());
    s.approved = approve;
    state.changed();
    Workflow.await(() -> s.status != StepStatus.WAITING_APPROVAL);
    return s.toRecord();
  }

  /**
   * Rejects, before anything is written to the history, a decision about an unknown step, about a
   * step not waiting for approval, or without an approver.
   *
   * @throws IllegalArgumentException for an unknown step or a blank approver
   * @throws IllegalStateException for a step not waiting for approval, or before the run started
   */
  private void validate(ApprovalDecision d) {
    if (state == null) {
      throw new IllegalStateException("the run has not started yet");
    }
    if (d == null || d.step() == null || !state.steps.containsKey(d.step())) {
      throw new IllegalArgumentException(
          "unknown step '"
              + (d == null ? null : d.step())
              + "'; the steps are "
              + String.join(", ", state.steps.keySet()));
    }
    StepRun s = state.steps.get(d.step());
    if (s.status != StepStatus.WAITING_APPROVAL || s.approved != null) {
      throw new IllegalStateException(
          "step "
              + d.step()
              + " is not waiting for approval (it is "
              + s.status
              + (s.def.approval() == null ? "; it requires no approval" : "")
              + ")");
    }
    if (d.approver() == null || d.approver().isBlank()) {
      throw new IllegalArgumentException("a decision needs an approver (who decides)");
    }
  }
}

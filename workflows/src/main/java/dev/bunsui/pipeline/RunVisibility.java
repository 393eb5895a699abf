package dev.bunsui.pipeline;

import dev.bunsui.book.BookSearchAttributes;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a pipeline run visible: the search attributes {@code BunsuiPipeline} (the definition id),
 * {@code Stage} (the ids of the steps in progress, comma-separated; {@code COMPLETED}, {@code
 * FAILED} or {@code CANCELLED} at the end), {@code FailedStep} (the step that failed the run) and
 * {@code PendingApprovals} (the steps waiting for a decision), and the current details the Web UI
 * shows. Search attributes are upserted only when they change, so the history stays short.
 */
final class RunVisibility {
  private String stage;
  private List<String> pending = List.of();

  /** Sets {@code BunsuiPipeline} at the start of the run. */
  void start(RunState state) {
    Workflow.upsertTypedSearchAttributes(
        BookSearchAttributes.PIPELINE.valueSet(state.request.definition().id()));
    details(state);
  }

  /** Brings the attributes and details up to date with the steps. */
  void publish(RunState state) {
    List<String> active = new ArrayList<>();
    List<String> waiting = new ArrayList<>();
    for (StepRun s : state.steps.values()) {
      switch (s.status) {
        case RUNNING, SCHEDULED -> active.add(s.id());
        case WAITING_APPROVAL -> {
          active.add(s.id());
          waiting.add(s.id());
        }
        default -> {}
      }
    }
    List<SearchAttributeUpdate<?>> updates = new ArrayList<>();
    if (!active.isEmpty()) {
      stageUpdate(String.join(",", active), updates);
    }
    pendingUpdate(waiting, updates);
    upsert(updates);
    details(state);
  }

  /**
   * Sets the final stage ({@code COMPLETED}, {@code FAILED} or {@code CANCELLED}), {@code
   * FailedStep} for a failed run, and clears {@code PendingApprovals}.
   */
  void finish(RunState state, String finalStage) {
    List<SearchAttributeUpdate<?>> updates = new ArrayList<>();
    stageUpdate(finalStage, updates);
    if (state.failedStep != null) {
      updates.add(BookSearchAttributes.FAILED_STEP.valueSet(state.failedStep));
    }
    pendingUpdate(List.of(), updates);
    upsert(updates);
    details(state);
  }

  private void stageUpdate(String value, List<SearchAttributeUpdate<?>> updates) {
    if (!value.equals(stage)) {
      stage = value;
      updates.add(BookSearchAttributes.STAGE.valueSet(value));
    }
  }

  private void pendingUpdate(List<String> waiting, List<SearchAttributeUpdate<?>> updates) {
    if (!waiting.equals(pending)) {
      pending = List.copyOf(waiting);
      updates.add(
          waiting.isEmpty()
              ? BookSearchAttributes.PENDING_APPROVALS.valueUnset()
              : BookSearchAttributes.PENDING_APPROVALS.valueSet(pending));
    }
  }

  private static void upsert(List<SearchAttributeUpdate<?>> updates) {
    if (!updates.isEmpty()) {
      Workflow.upsertTypedSearchAttributes(updates.toArray(SearchAttributeUpdate<?>[]::new));
    }
  }

  /** One line such as {@code **Campaign automation** — running · 1/3 steps finished · …}. */
  private static void details(RunState state) {
    int finished = 0;
    List<String> running = new ArrayList<>();
    List<String> waiting = new ArrayList<>();
    List<String> scheduled = new ArrayList<>();
    for (StepRun s : state.steps.values()) {
      switch (s.status) {
        case RUNNING -> running.add(s.id());
        case WAITING_APPROVAL -> waiting.add(s.id());
        case SCHEDULED -> scheduled.add(s.id());
        case PENDING -> {}
        default -> finished++;
      }
    }
    PipelineDefinition d = state.request.definition();
    StringBuilder sb =
        new StringBuilder("**")
            .append(d.name() == null ? d.id() : d.name())
            .append("** — ")
            .append(state.status)
            .append(" · ")
            .append(finished)
            .append('/')
            .append(state.steps.size())
            .append(" steps finished");
    part(sb, "running", running);
    part(sb, "waiting for approval", waiting);
    part(sb, "scheduled", scheduled);
    if (state.failedStep != null) {
      sb.append(" · failed at ").append(state.failedStep).append(" (").append(state.failedCode);
      sb.append(')');
    }
    Workflow.setCurrentDetails(sb.toString());
  }

  private static void part(StringBuilder sb, String label, List<String> ids) {
    if (!ids.isEmpty()) {
      sb.append(" · ").append(label).append(": ").append(String.join(", ", ids));
    }
  }
}

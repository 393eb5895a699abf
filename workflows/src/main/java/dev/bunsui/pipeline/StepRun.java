package dev.bunsui.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.temporal.workflow.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * The mutable state of one step of a run. Lives only inside the workflow (changed by the step's
 * coroutine, the scheduler and the approval Updates); {@link #toRecord()} gives the immutable
 * {@link StepRecord} for the {@code record} query.
 *
 * <p>{@link #done} says that the step's entry in the run context ({@code $.steps.<id>}) is final,
 * so its dependents may start. A step that failed with {@code on_error: fallback:<id>} is {@link
 * StepStatus#FAILED} but not done until its fallback has finished.
 */
final class StepRun {
  final StepDefinition def;
  StepStatus status = StepStatus.PENDING;
  String reason;
  String errorCode;
  Long startedAtMillis;
  Long finishedAtMillis;
  String fallback;
  ApprovalRecord approval;

  /** The tool calls: one per {@code for_each} item, or exactly one for a single-call step. */
  final List<ItemRun> units = new ArrayList<>();

  /** The step's entry in the run context; null until it has an outcome. */
  ObjectNode entry;

  boolean done;

  /** Failed with a fallback that has not finished yet. */
  boolean awaitingFallback;

  /** The coroutine running the step; null until it was started. */
  Promise<Void> promise;

  /** The approval decision: null while none was made. */
  Boolean approved;

  StepRun(StepDefinition def) {
    this.def = def;
  }

  String id() {
    return def.id();
  }

  boolean forEach() {
    return def.forEach() != null;
  }

  /** Whether the step's coroutine was started and has not returned. */
  boolean active() {
    return promise != null && !promise.isCompleted();
  }

  /** While the tool calls run: RUNNING when any call runs, SCHEDULED when all wait for a time. */
  void refreshActiveStatus() {
    if (status != StepStatus.RUNNING && status != StepStatus.SCHEDULED) {
      return;
    }
    boolean scheduled = false;
    for (ItemRun u : units) {
      if (u.status == StepStatus.RUNNING) {
        status = StepStatus.RUNNING;
        return;
      }
      scheduled |= u.status == StepStatus.SCHEDULED;
    }
    status = scheduled ? StepStatus.SCHEDULED : StepStatus.RUNNING;
  }

  /** Sets the context entry {@code {"status": …, "output": …, "reason": …}}. */
  void entry(String contextStatus, JsonNode output, String why) {
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.put("status", contextStatus);
    if (output != null) {
      e.set("output", output);
    }
    if (why != null) {
      e.put("reason", why);
    }
    if (errorCode != null) {
      e.put("error_code", errorCode);
    }
    if (fallback != null && contextStatus.equals("failed")) {
      e.put("fallback", fallback);
    }
    entry = e;
  }

  /** The record for the {@code record} query and the result. */
  StepRecord toRecord() {
    int attempts = 0;
    for (ItemRun u : units) {
      attempts += u.attempts;
    }
    ItemRun single = !forEach() && units.size() == 1 ? units.get(0) : null;
    Long duration =
        startedAtMillis != null && finishedAtMillis != null
            ? finishedAtMillis - startedAtMillis
            : null;
    return new StepRecord(
        def.id(),
        def.tool(),
        status,
        reason,
        errorCode,
        single == null ? null : single.inputRef,
        single == null ? null : single.outputRef,
        attempts,
        startedAtMillis,
        finishedAtMillis,
        duration,
        fallback,
        approval,
        forEach() ? units.stream().map(ItemRun::toRecord).toList() : List.of(),
        single == null ? null : single.waitUntilMillis);
  }
}

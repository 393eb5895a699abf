package dev.bunsui.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.tool.ToolResult;

/**
 * The mutable state of one tool call of a step: one {@code for_each} item, or the single call of a
 * step without {@code for_each}. Lives only inside the workflow; {@link #toRecord()} gives the
 * immutable {@link ItemRecord}.
 */
final class ItemRun {
  final int index;
  final JsonNode item;
  StepStatus status = StepStatus.PENDING;
  String reason;
  String errorCode;
  ArtifactRef inputRef;
  ArtifactRef outputRef;
  JsonNode output;
  int attempts;
  Long waitUntilMillis;
  Long startedAtMillis;
  Long finishedAtMillis;

  /**
   * @param index the item's index in the {@code for_each} array (0 for a single call)
   * @param item the item; null for a single call
   */
  ItemRun(int index, JsonNode item) {
    this.index = index;
    this.item = item;
  }

  /** Whether the call has reached an end (succeeded, skipped, failed or cancelled). */
  boolean finished() {
    return status == StepStatus.SUCCEEDED
        || status == StepStatus.SKIPPED
        || status == StepStatus.FAILED
        || status == StepStatus.CANCELLED;
  }

  void succeed(ToolResult result, long now) {
    status = StepStatus.SUCCEEDED;
    output = result.output();
    inputRef = result.inputRef();
    outputRef = result.outputRef();
    attempts = result.attempt();
    finishedAtMillis = now;
  }

  void fail(String code, String why, int attemptsUsed, long now) {
    status = StepStatus.FAILED;
    errorCode = code;
    reason = why;
    attempts = attemptsUsed;
    finishedAtMillis = now;
  }

  void skip(String why, long now) {
    status = StepStatus.SKIPPED;
    reason = why;
    finishedAtMillis = now;
  }

  ItemRecord toRecord() {
    return new ItemRecord(
        index,
        status,
        reason,
        item,
        outputRef,
        output,
        attempts,
        waitUntilMillis,
        inputRef,
        errorCode,
        startedAtMillis,
        finishedAtMillis);
  }
}

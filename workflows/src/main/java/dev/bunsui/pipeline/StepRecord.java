package dev.bunsui.pipeline;

import dev.bunsui.store.ArtifactRef;
import java.util.List;

/**
 * One step in the execution record.
 *
 * @param id the step id
 * @param tool the tool name
 * @param status where it stands
 * @param reason why it was skipped or failed; null otherwise
 * @param errorCode the failure's error code ({@link dev.bunsui.failure.ErrorCode} name); null
 *     unless failed
 * @param inputRef the stored input; null before it ran (or for {@code for_each} steps, see items)
 * @param outputRef the stored output; null before it succeeded
 * @param attempts activity attempts used (summed over items)
 * @param startedAtMillis workflow time it started, epoch milliseconds; null before
 * @param finishedAtMillis workflow time it finished, epoch milliseconds; null before
 * @param durationMillis finished − started; null before it finished
 * @param fallback for a failed step with {@code on_error: fallback:<id>}, the fallback step's id;
 *     for a fallback step that ran, the id of the step it stood in for; null otherwise
 * @param approval the approval, for a step with {@code approval: required}; null otherwise
 * @param items the {@code for_each} items; empty for a single-call step
 * @param waitUntilMillis for a single-call step with {@code wait_until}, the time it sleeps until,
 *     epoch milliseconds; null otherwise (for {@code for_each} steps see each item)
 */
public record StepRecord(
    String id,
    String tool,
    StepStatus status,
    String reason,
    String errorCode,
    ArtifactRef inputRef,
    ArtifactRef outputRef,
    int attempts,
    Long startedAtMillis,
    Long finishedAtMillis,
    Long durationMillis,
    String fallback,
    ApprovalRecord approval,
    List<ItemRecord> items,
    Long waitUntilMillis) {}

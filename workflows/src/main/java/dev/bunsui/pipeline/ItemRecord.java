package dev.bunsui.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.store.ArtifactRef;

/**
 * One {@code for_each} item of a step, in the execution record.
 *
 * @param index the item's index in the {@code for_each} array
 * @param status where it stands
 * @param reason why it was skipped or failed (with the condition's operand values, such as {@code
 *     score 0.62 > 0.7 is false}); null otherwise
 * @param item the item itself (small JSON)
 * @param outputRef the stored tool output; null until it succeeded
 * @param output the tool output; null until it succeeded
 * @param attempts activity attempts used
 * @param waitUntilMillis the scheduled time, epoch milliseconds; null for none
 * @param inputRef the stored tool input of this item; null before its tool call returned
 * @param errorCode the failure's error code ({@link dev.bunsui.failure.ErrorCode} name); null
 *     unless failed
 * @param startedAtMillis workflow time its tool call started, epoch milliseconds; null before
 * @param finishedAtMillis workflow time it finished (succeeded, failed or skipped), epoch
 *     milliseconds; null before
 */
public record ItemRecord(
    int index,
    StepStatus status,
    String reason,
    JsonNode item,
    ArtifactRef outputRef,
    JsonNode output,
    int attempts,
    Long waitUntilMillis,
    ArtifactRef inputRef,
    String errorCode,
    Long startedAtMillis,
    Long finishedAtMillis) {}

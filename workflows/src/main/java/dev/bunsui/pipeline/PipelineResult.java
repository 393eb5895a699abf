package dev.bunsui.pipeline;

/**
 * What a finished pipeline run returns.
 *
 * @param status {@code completed} (every step succeeded or was skipped) or {@code
 *     completed_with_skips}
 * @param record the full execution record at the end
 */
public record PipelineResult(String status, ExecutionRecord record) {}

package dev.bunsui.pipeline;

/**
 * What a finished pipeline run returns.
 *
 * @param status {@code completed} when every step and every {@code for_each} item succeeded (a
 *     fallback that was not needed counts as succeeded), {@code completed_with_skips} when
 *     something was skipped (condition false, rejected, expired, {@code on_error: skip}) or a
 *     failed step was stood in for by its fallback; a run that fails ends with a failure instead
 * @param record the full execution record at the end
 */
public record PipelineResult(String status, ExecutionRecord record) {}

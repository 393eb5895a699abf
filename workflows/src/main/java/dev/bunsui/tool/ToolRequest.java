package dev.bunsui.tool;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a pipeline step hands a tool activity.
 *
 * @param workflowId the pipeline run's workflow id (stable across retries and resets; part of every
 *     idempotency key)
 * @param stepId the step id in the pipeline definition
 * @param item the {@code for_each} item index, or null for a step without {@code for_each}
 * @param input the step's resolved input (its {@code input_mapping} applied to the run context)
 */
public record ToolRequest(String workflowId, String stepId, Integer item, JsonNode input) {}

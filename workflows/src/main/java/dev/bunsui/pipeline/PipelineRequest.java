package dev.bunsui.pipeline;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The input of a {@link PipelineWorkflow} run.
 *
 * @param definition the validated definition (stored with the run)
 * @param input the run input, valid against the definition's input schema
 * @param source where the definition came from: a template name or a file path (for display)
 */
public record PipelineRequest(PipelineDefinition definition, JsonNode input, String source) {}

package dev.bunsui.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A pipeline defined as data (YAML or JSON, see {@code pipeline-definition.schema.json}). The
 * parsed definition travels with the run as workflow input, so editing the file never changes a run
 * in flight.
 *
 * @param id the pipeline id ({@code campaign_automation}); the BunsuiPipeline search attribute
 * @param name a human name
 * @param description what it does
 * @param inputSchema a JSON Schema the run input must satisfy; null for any input
 * @param steps the steps, in file order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PipelineDefinition(
    String id,
    String name,
    String description,
    @JsonProperty("input_schema") JsonNode inputSchema,
    List<StepDefinition> steps) {}

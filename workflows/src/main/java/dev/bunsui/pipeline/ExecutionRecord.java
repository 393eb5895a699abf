package dev.bunsui.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The full record of a pipeline run, returned by the {@code record} query and in the result.
 *
 * @param pipelineId the definition's id
 * @param pipelineName the definition's name
 * @param source the template name or file the definition came from
 * @param status {@code running}, {@code completed}, {@code failed} or {@code cancelled}
 * @param input the run input
 * @param startedAtMillis workflow time the run started, epoch milliseconds
 * @param finishedAtMillis workflow time it finished; null while running
 * @param steps every step of the definition, in definition order
 */
public record ExecutionRecord(
    String pipelineId,
    String pipelineName,
    String source,
    String status,
    JsonNode input,
    long startedAtMillis,
    Long finishedAtMillis,
    List<StepRecord> steps) {}

package dev.bunsui.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One step of a {@link PipelineDefinition}.
 *
 * @param id unique within the definition; {@code [a-z][a-z0-9_]*}
 * @param tool a tool from {@link dev.bunsui.tool.Tools}
 * @param inputMapping the tool input: an object whose string values starting with {@code $} are
 *     JSONPaths over the run context ({@code $.input…}, {@code $.steps.<id>.output…}, {@code
 *     $.item…} inside {@code for_each}) and whose other values are literals; nested objects and
 *     arrays are resolved the same way
 * @param condition an expression (see {@link dev.bunsui.pipeline.expr.Condition}); the step (or the
 *     item) runs only when it is true, otherwise it is skipped with the reason; null for always
 * @param dependsOn ids of steps that must finish first; JSONPaths to {@code $.steps.<id>} add
 *     implicit dependencies
 * @param forEach a JSONPath to an array: the tool runs once per element, available as {@code
 *     $.item} (and {@code $.index}); null for a single call
 * @param retry retry policy; null for the default (3 attempts, 1 s backoff doubling)
 * @param timeout time allowed per attempt ({@code 30s}, {@code 5m}, {@code PT1H}); null for 5 m
 * @param onError {@code fail} (default), {@code skip}, or {@code fallback:<step id>}
 * @param approval {@code required} or {@code none} (default)
 * @param approvalTimeout how long an approval may wait before it is rejected automatically; null
 *     for 24 h
 * @param waitUntil an ISO-8601 instant, or a JSONPath to one (per item with {@code for_each}): the
 *     workflow sleeps durably until then before calling the tool; null for no wait
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepDefinition(
    String id,
    String tool,
    @JsonProperty("input_mapping") JsonNode inputMapping,
    String condition,
    @JsonProperty("depends_on") List<String> dependsOn,
    @JsonProperty("for_each") String forEach,
    RetrySpec retry,
    String timeout,
    @JsonProperty("on_error") String onError,
    String approval,
    @JsonProperty("approval_timeout") String approvalTimeout,
    @JsonProperty("wait_until") String waitUntil) {}

package dev.bunsui.cli.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v1/jobs} (JSON, snake_case).
 *
 * @param pipelineType {@code book} or a template name ({@code campaign_automation}, {@code
 *     book_promotion})
 * @param input the run input: for a template, an object valid against its {@code input_schema}; for
 *     {@code book}, {@code {"source": PATH, "lang", "title", "kinds": [...], "provider", "model",
 *     "refresh"}} with {@code source} a path on the server's machine
 * @param mode {@code async} (default: 202 at once) or {@code sync} (wait for the result)
 * @param workflowId the job id; null for the default (as {@code bunsui pipeline run})
 * @param timeoutSeconds for {@code sync}: how long to wait before answering 202 instead (1–3600,
 *     default 60)
 */
public record JobRequest(
    String pipelineType, JsonNode input, String mode, String workflowId, Integer timeoutSeconds) {}

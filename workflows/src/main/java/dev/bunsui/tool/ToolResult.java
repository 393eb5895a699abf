package dev.bunsui.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.store.ArtifactRef;

/**
 * What a tool activity returns.
 *
 * @param output the tool's output, small JSON (large content is stored and referenced by URI); the
 *     run context exposes it as {@code $.steps.<id>.output}
 * @param inputRef the stored step input (JSON), for the execution record
 * @param outputRef the stored output (JSON), for the execution record
 * @param attempt the activity attempt that produced the result (1 for the first)
 */
public record ToolResult(
    JsonNode output, ArtifactRef inputRef, ArtifactRef outputRef, int attempt) {}

package dev.bunsui.cli.api;

/**
 * The (optional) body of {@code POST /v1/jobs/{id}/rerun}.
 *
 * @param strategy {@code reset} or {@code cache}; default reset when the server can reset, else
 *     cache
 * @param fromStep for reset: the step to rerun from; default the first failed one
 */
public record RerunRequest(String strategy, String fromStep) {}

package dev.bunsui.cli.api;

/**
 * The body of {@code POST /v1/jobs/{id}/approve} and {@code /reject}.
 *
 * @param step the step waiting for approval
 * @param approver who decides
 * @param comment why; optional
 */
public record DecisionRequest(String step, String approver, String comment) {}

package dev.bunsui.pipeline;

/**
 * The argument of the {@code approve} and {@code reject} Updates.
 *
 * @param step the id of the step waiting for approval
 * @param approver who decides (recorded in the execution record and the history)
 * @param comment why; may be null
 */
public record ApprovalDecision(String step, String approver, String comment) {}

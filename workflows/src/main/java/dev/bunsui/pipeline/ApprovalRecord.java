package dev.bunsui.pipeline;

/**
 * A step's approval, in the execution record.
 *
 * @param status {@code pending}, {@code approved}, {@code rejected} or {@code expired} (rejected
 *     automatically at the deadline)
 * @param requestedAtMillis when the step started waiting, workflow time in epoch milliseconds
 * @param deadlineMillis when it is rejected automatically, epoch milliseconds
 * @param approver who decided; null while pending or when expired
 * @param comment the decision's comment; may be null
 * @param decidedAtMillis when, epoch milliseconds; null while pending
 */
public record ApprovalRecord(
    String status,
    long requestedAtMillis,
    long deadlineMillis,
    String approver,
    String comment,
    Long decidedAtMillis) {}

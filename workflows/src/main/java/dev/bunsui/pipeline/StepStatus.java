package dev.bunsui.pipeline;

/** Where a step (or one of its {@code for_each} items) stands. */
public enum StepStatus {
  /** Waiting for its dependencies. */
  PENDING,
  /** Sleeping durably until its {@code wait_until} time. */
  SCHEDULED,
  /** Waiting for an {@code approve} or {@code reject} Update. */
  WAITING_APPROVAL,
  /** The tool activity is running (or being retried). */
  RUNNING,
  /** Finished with an output. */
  SUCCEEDED,
  /** Not run: condition false, a dependency skipped, rejected, or failed with on_error skip. */
  SKIPPED,
  /** Failed; with on_error fallback its fallback step's output stands in. */
  FAILED,
  /** A fallback step that was not needed. */
  NOT_NEEDED,
  /** The run was cancelled before the step finished. */
  CANCELLED
}

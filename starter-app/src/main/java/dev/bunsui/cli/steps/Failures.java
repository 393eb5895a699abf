package dev.bunsui.cli.steps;

import io.temporal.api.failure.v1.Failure;

/** Reads Temporal's failure protos as the error taxonomy sees them. */
final class Failures {
  private Failures() {}

  /**
   * The innermost failure: the one an activity raised, below the child workflow and activity
   * failures that wrap it on the way up.
   */
  static Failure root(Failure failure) {
    Failure f = failure;
    while (f.hasCause()) {
      f = f.getCause();
    }
    return f;
  }

  /**
   * The taxonomy code of a failure: the application failure's type (an {@code ErrorCode} name), the
   * timeout type for a timeout ({@code TIMEOUT_START_TO_CLOSE} …), else {@code INTERNAL}.
   */
  static String code(Failure f) {
    if (f.hasApplicationFailureInfo() && !f.getApplicationFailureInfo().getType().isEmpty()) {
      return f.getApplicationFailureInfo().getType();
    }
    if (f.hasTimeoutFailureInfo()) {
      return f.getTimeoutFailureInfo().getTimeoutType().name().replace("TIMEOUT_TYPE_", "TIMEOUT_");
    }
    if (f.hasTerminatedFailureInfo()) {
      return "TERMINATED";
    }
    if (f.hasCanceledFailureInfo()) {
      return "CANCELED";
    }
    return "INTERNAL";
  }
}

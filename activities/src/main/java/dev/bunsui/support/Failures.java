package dev.bunsui.support;

import dev.bunsui.failure.ErrorCode;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;

/**
 * Builds the {@link ApplicationFailure}s activities throw: typed with an {@link ErrorCode} name,
 * non-retryable when the code says so, and carrying a server-given retry delay when there is one.
 */
public final class Failures {
  private Failures() {}

  /**
   * A failure for the code.
   *
   * @param code the taxonomy code; decides retryability
   * @param message what happened and what to fix, naming file and line where there are some
   * @param cause the underlying exception, or null
   */
  public static ApplicationFailure of(ErrorCode code, String message, Throwable cause) {
    return code.retryable()
        ? ApplicationFailure.newFailureWithCause(message, code.name(), cause)
        : ApplicationFailure.newNonRetryableFailureWithCause(message, code.name(), cause);
  }

  /**
   * A retryable failure whose next attempt waits {@code delay} (HTTP {@code Retry-After}).
   *
   * @param delay the server's delay; null or zero falls back to the retry policy's backoff
   */
  public static ApplicationFailure retryAfter(
      ErrorCode code, String message, Duration delay, Throwable cause) {
    if (delay == null || delay.isZero() || delay.isNegative()) {
      return of(code, message, cause);
    }
    return ApplicationFailure.newFailureWithCauseAndDelay(message, code.name(), cause, delay);
  }
}

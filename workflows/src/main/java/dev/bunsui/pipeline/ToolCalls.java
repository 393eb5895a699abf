package dev.bunsui.pipeline;

import dev.bunsui.book.ActivityPolicies;
import dev.bunsui.failure.ErrorCode;
import dev.bunsui.tool.TaskQueues;
import dev.bunsui.tool.ToolSpec;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import java.time.Duration;
import java.util.Arrays;

/**
 * How a step's tool is called: the activity options built from the step definition, and what a
 * failed call means for the execution record.
 *
 * <p>Defaults (see {@link StepDefinition}): {@value #DEFAULT_ATTEMPTS} attempts, a first retry
 * after 1 s doubling up to 100 × that (Temporal's default maximum), 5 minutes per attempt, the
 * project's heartbeat timeout ({@link ActivityPolicies#HEARTBEAT}; the worker heartbeats running
 * activities). Error codes that are not retryable ({@link ErrorCode#retryable()}) are never
 * retried, even when an activity forgot to mark its failure so.
 */
final class ToolCalls {
  static final int DEFAULT_ATTEMPTS = 3;
  static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
  static final double DEFAULT_COEFFICIENT = 2.0;
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private static final String[] DO_NOT_RETRY =
      Arrays.stream(ErrorCode.values())
          .filter(c -> !c.retryable())
          .map(ErrorCode::name)
          .toArray(String[]::new);

  private ToolCalls() {}

  /**
   * The activity options of one call.
   *
   * @param step the step definition (retry, timeout)
   * @param tool the tool from the catalog (its queue decides the task queue)
   * @param summary the call's summary for the Web UI, such as {@code step auto_posting, item 2}
   * @return the options
   * @throws IllegalArgumentException when the step's timeout or backoff does not parse
   */
  static ActivityOptions options(StepDefinition step, ToolSpec tool, String summary) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.of(tool.queue()))
        .setStartToCloseTimeout(Durations.parseOr(step.timeout(), DEFAULT_TIMEOUT))
        .setHeartbeatTimeout(ActivityPolicies.HEARTBEAT)
        .setRetryOptions(retry(step.retry()))
        .setSummary(summary)
        .build();
  }

  /** The maximum attempts of a step's calls (at least 1; Temporal reads 0 as unlimited). */
  static int maxAttempts(StepDefinition step) {
    RetrySpec r = step.retry();
    return r == null || r.attempts() == null ? DEFAULT_ATTEMPTS : Math.max(1, r.attempts());
  }

  static RetryOptions retry(RetrySpec spec) {
    RetrySpec r = spec == null ? new RetrySpec(null, null, null, null) : spec;
    Duration backoff = Durations.parseOr(r.backoff(), DEFAULT_BACKOFF);
    if (backoff.isZero()) {
      backoff = Duration.ofMillis(1);
    }
    Duration max = Durations.parseOr(r.maxBackoff(), backoff.multipliedBy(100));
    if (max.compareTo(backoff) < 0) {
      max = backoff;
    }
    double coefficient =
        r.backoffCoefficient() == null
            ? DEFAULT_COEFFICIENT
            : Math.max(1.0, r.backoffCoefficient());
    int attempts = r.attempts() == null ? DEFAULT_ATTEMPTS : Math.max(1, r.attempts());
    return RetryOptions.newBuilder()
        .setInitialInterval(backoff)
        .setBackoffCoefficient(coefficient)
        .setMaximumInterval(max)
        .setMaximumAttempts(attempts)
        .setDoNotRetry(DO_NOT_RETRY)
        .build();
  }

  /**
   * The error code of a failed call: the {@link ErrorCode} named by the activity's {@code
   * ApplicationFailure} type, {@link ErrorCode#INTERNAL} for anything else (a timeout, an unknown
   * type).
   */
  static String errorCode(ActivityFailure failure) {
    return failure.getCause() instanceof ApplicationFailure app
        ? ErrorCode.fromType(app.getType()).name()
        : ErrorCode.INTERNAL.name();
  }

  /** The reason of a failed call: the innermost failure's own message. */
  static String reason(ActivityFailure failure) {
    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
    String m = cause instanceof TemporalFailure t ? t.getOriginalMessage() : cause.getMessage();
    return m == null || m.isBlank() ? cause.getClass().getSimpleName() : m;
  }

  /**
   * The attempts a failed call used, as far as the failure tells: all of them when Temporal stopped
   * because the maximum was reached, otherwise at least 1 (an {@code ActivityFailure} carries the
   * retry state, not the attempt count).
   */
  static int attempts(ActivityFailure failure, StepDefinition step) {
    return failure.getRetryState() == RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED
        ? maxAttempts(step)
        : 1;
  }
}

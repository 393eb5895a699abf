package dev.bunsui.worker.metrics;

import dev.bunsui.metrics.Metrics;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Objects;

/**
 * Times every activity execution (one per attempt) on this worker and reports it to {@link
 * Metrics#step} with the activity type and, for a failed attempt, the failure's type: the {@code
 * ErrorCode} name of an {@link ApplicationFailure} ({@code LLM_RATE_LIMIT}, {@code FAULT_INJECTED}
 * …), or the simple class name of any other exception. This gives step latency and errors by code
 * for every activity, including ones registered later (posting, creatives).
 */
public final class StepMetricsInterceptor extends WorkerInterceptorBase {
  private final Metrics metrics;

  /**
   * Creates the interceptor.
   *
   * @param metrics receives one {@link Metrics#step} per activity execution
   */
  public StepMetricsInterceptor(Metrics metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private String activityType = "unknown";

      @Override
      public void init(ActivityExecutionContext context) {
        activityType = context.getInfo().getActivityType();
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        long start = System.nanoTime();
        String errorCode = null;
        try {
          return super.execute(input);
        } catch (RuntimeException | Error e) {
          errorCode = errorCode(e);
          throw e;
        } finally {
          metrics.step(activityType, errorCode, Duration.ofNanos(System.nanoTime() - start));
        }
      }
    };
  }

  /** The error code tag of a failure. */
  static String errorCode(Throwable e) {
    if (e instanceof ApplicationFailure f && f.getType() != null && !f.getType().isBlank()) {
      return f.getType();
    }
    return e.getClass().getSimpleName();
  }
}

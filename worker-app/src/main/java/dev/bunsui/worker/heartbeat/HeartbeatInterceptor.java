package dev.bunsui.worker.heartbeat;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heartbeats every running activity from a background thread, so that the server notices a worker
 * that died (SIGKILL, lost machine) within the activities' heartbeat timeout (30 s, see {@code
 * dev.bunsui.book.ActivityPolicies}) instead of their start-to-close timeout (minutes), and retries
 * the activity on another worker. The activity bodies (LLM calls, renderers) block and cannot
 * heartbeat themselves. The SDK throttles heartbeats to the server to once per 80 % of the timeout.
 */
public final class HeartbeatInterceptor extends WorkerInterceptorBase {
  private static final Logger LOG = LoggerFactory.getLogger(HeartbeatInterceptor.class);

  private final Duration interval;
  private final ScheduledExecutorService scheduler;

  /**
   * Creates the interceptor.
   *
   * @param interval time between heartbeats; must be well under the activities' heartbeat timeout
   * @throws IllegalArgumentException when the interval is not positive
   */
  public HeartbeatInterceptor(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("heartbeat interval must be positive: " + interval);
    }
    this.interval = interval;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "activity-heartbeat");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityExecutionContext context;

      @Override
      public void init(ActivityExecutionContext context) {
        this.context = context;
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        ActivityExecutionContext ctx = context;
        ScheduledFuture<?> beat =
            scheduler.scheduleAtFixedRate(
                () -> beat(ctx), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        try {
          return super.execute(input);
        } finally {
          beat.cancel(false);
        }
      }
    };
  }

  private static void beat(ActivityExecutionContext ctx) {
    try {
      ctx.heartbeat(null);
    } catch (RuntimeException e) {
      // canceled or timed out on the server: the activity's own call ends it; nothing to do here
      LOG.debug("heartbeat not delivered: {}", e.toString());
    }
  }
}

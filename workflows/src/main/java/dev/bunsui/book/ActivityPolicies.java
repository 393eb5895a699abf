package dev.bunsui.book;

import dev.bunsui.tool.TaskQueues;
import dev.bunsui.tool.ToolQueue;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Timeouts and retry policies of the book pipeline's activities. Retries belong to Temporal: the
 * LLM clients' own retries are off, and a rate-limited call carries the server's delay as the next
 * retry delay. Non-retryable failures are marked so by the activities themselves.
 *
 * <p>Every activity has a heartbeat timeout of {@link #HEARTBEAT}: the worker heartbeats running
 * activities in the background, so a worker that dies is noticed within it and the activity is
 * retried elsewhere, long before the start-to-close timeout.
 *
 * <p>Each kind of work has its own task queue ({@link TaskQueues}): parsing, aggregation and
 * records on {@value TaskQueues#IO}, LLM calls on {@value TaskQueues#LLM}, figures and thumbnails
 * on {@value TaskQueues#MEDIA}; the workflows themselves stay on {@value BookTaskQueues#BOOK}.
 */
public final class ActivityPolicies {
  private ActivityPolicies() {}

  /** Heartbeat timeout of every activity (the pipeline workflow's tool calls use it too). */
  public static final Duration HEARTBEAT = Duration.ofSeconds(30);

  /** Parsing and aggregation: local I/O, bounded by the book size limit. */
  static ActivityOptions bookIo() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.of(ToolQueue.IO))
        .setStartToCloseTimeout(Duration.ofMinutes(10))
        .setHeartbeatTimeout(HEARTBEAT)
        .setRetryOptions(retry(Duration.ofSeconds(1), Duration.ofSeconds(30), 5))
        .build();
  }

  /** LLM calls: analysis and one generation per kind. */
  static ActivityOptions llm() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.of(ToolQueue.LLM))
        .setStartToCloseTimeout(Duration.ofMinutes(5))
        .setHeartbeatTimeout(HEARTBEAT)
        .setRetryOptions(retry(Duration.ofSeconds(2), Duration.ofMinutes(2), 6))
        .build();
  }

  /** Figure rendering (Mermaid starts a headless browser) and thumbnails. */
  static ActivityOptions media() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.of(ToolQueue.MEDIA))
        .setStartToCloseTimeout(Duration.ofMinutes(3))
        .setHeartbeatTimeout(HEARTBEAT)
        .setRetryOptions(retry(Duration.ofSeconds(1), Duration.ofSeconds(30), 3))
        .build();
  }

  private static RetryOptions retry(Duration initial, Duration max, int attempts) {
    return RetryOptions.newBuilder()
        .setInitialInterval(initial)
        .setBackoffCoefficient(2.0)
        .setMaximumInterval(max)
        .setMaximumAttempts(attempts)
        .build();
  }
}

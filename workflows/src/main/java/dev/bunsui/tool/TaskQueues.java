package dev.bunsui.tool;

import java.util.List;

/**
 * Task queue names by kind of work. Workflows run on the book task queue ({@code bunsui-book}); the
 * activities run on one task queue per kind of work, so each kind scales and is rate-limited on its
 * own: a worker's {@code spring.temporal.workers[*]} entry per queue sets how many activities of
 * that kind run at once in that worker ({@code capacity.max-concurrent-activity-executors}) and how
 * many may start per second across all workers ({@code
 * rate-limits.max-task-queue-activities-per-second}, enforced by the Temporal server).
 */
public final class TaskQueues {
  /** LLM calls: section analysis and generation. */
  public static final String LLM = "bunsui-llm";

  /** Image work: figure conversion, thumbnails. */
  public static final String MEDIA = "bunsui-media";

  /** Other I/O: parsing, aggregation, records, the artifact store, posting channels. */
  public static final String IO = "bunsui-io";

  /** Every activity task queue, in {@link ToolQueue} order. */
  public static final List<String> ACTIVITY_QUEUES = List.of(LLM, MEDIA, IO);

  private TaskQueues() {}

  /**
   * The task queue the activities of one kind run on.
   *
   * @param queue the kind of work
   * @return the task queue name: {@value #LLM}, {@value #MEDIA} or {@value #IO}
   */
  public static String of(ToolQueue queue) {
    return switch (queue) {
      case LLM -> LLM;
      case MEDIA -> MEDIA;
      case IO -> IO;
    };
  }
}

package dev.bunsui.cli;

import dev.bunsui.book.BookRequest;
import dev.bunsui.book.BookTaskQueues;
import dev.bunsui.book.Summaries;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Path;

/**
 * How the CLI and the HTTP API start book runs: task queue, workflow id and the static summary the
 * UI shows.
 */
public final class BookRuns {
  private BookRuns() {}

  /**
   * Options for a book run.
   *
   * @param workflowId the session id
   * @param request the run's input
   * @return options with the book task queue and a summary line: title (or source folder), language
   *     and provider
   */
  public static WorkflowOptions options(String workflowId, BookRequest request) {
    return WorkflowOptions.newBuilder()
        .setTaskQueue(BookTaskQueues.BOOK)
        .setWorkflowId(workflowId)
        .setStaticSummary(summary(request))
        .setStaticDetails("source: `" + request.source() + "`")
        .build();
  }

  /**
   * The default workflow id of a book run, as {@code bunsui pipeline run book} gives it.
   *
   * @param request the run's input, with an absolute, normalized {@code source}
   * @return {@code book-<slug>-<8 hex>}
   */
  public static String workflowId(BookRequest request) {
    return RunCommand.WorkflowIds.book(Path.of(request.source()), request);
  }

  /** The task queues a book run needs polled, for messages: workflows first, then activities. */
  static String taskQueues() {
    return BookTaskQueues.BOOK
        + " (workflows), "
        + String.join(", ", dev.bunsui.tool.TaskQueues.ACTIVITY_QUEUES)
        + " (activities)";
  }

  /** {@code book: <title> · <lang> · <provider> [model]}. */
  static String summary(BookRequest request) {
    String title = request.title();
    if (title == null || title.isBlank()) {
      Path name = Path.of(request.source()).getFileName();
      title = name == null ? request.source() : name.toString();
    }
    return Summaries.line("book", title, request.lang(), request.provider(), request.model());
  }
}

package dev.bunsui.book;

/** Task queue names of the book pipeline. */
public final class BookTaskQueues {
  /**
   * The task queue the book, chapter and section workflows run on; their activities run on the task
   * queues of {@link dev.bunsui.tool.TaskQueues}.
   */
  public static final String BOOK = "bunsui-book";

  private BookTaskQueues() {}
}

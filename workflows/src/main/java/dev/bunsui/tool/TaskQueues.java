package dev.bunsui.tool;

import dev.bunsui.book.BookTaskQueues;

/** Task queue names by kind of work. */
public final class TaskQueues {
  private TaskQueues() {}

  /**
   * The task queue the activities of one kind run on.
   *
   * @param queue the kind of work
   * @return the task queue name
   */
  public static String of(ToolQueue queue) {
    return BookTaskQueues.BOOK;
  }
}

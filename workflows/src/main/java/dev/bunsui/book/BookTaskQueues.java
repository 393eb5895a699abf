package dev.bunsui.book;

/** Task queue names of the book pipeline. */
public final class BookTaskQueues {
  /** The task queue every book workflow and activity runs on. */
  public static final String BOOK = "bunsui-book";

  private BookTaskQueues() {}
}

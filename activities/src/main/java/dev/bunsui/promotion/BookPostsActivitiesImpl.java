package dev.bunsui.promotion;

import dev.bunsui.tool.BookPostsActivities;
import dev.bunsui.tool.ToolRequest;
import dev.bunsui.tool.ToolResult;
import dev.bunsui.tool.Tools;
import dev.bunsui.toolrun.ToolRunner;

/** The {@code book_posts} activity, thin over {@link BookPostsService}. */
public class BookPostsActivitiesImpl implements BookPostsActivities {
  private final ToolRunner runner;
  private final BookPostsService service;

  /**
   * Creates the activity.
   *
   * @param runner stores input and output and classifies failures
   * @param service the tool
   */
  public BookPostsActivitiesImpl(ToolRunner runner, BookPostsService service) {
    this.runner = runner;
    this.service = service;
  }

  @Override
  public ToolResult bookPosts(ToolRequest request) {
    return runner.run(Tools.BOOK_POSTS, request, service::schedule);
  }
}

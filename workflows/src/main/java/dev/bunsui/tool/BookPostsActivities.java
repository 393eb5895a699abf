package dev.bunsui.tool;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The {@code book_posts} tool. */
@ActivityInterface
public interface BookPostsActivities {

  /**
   * Reads the X posts a finished book run generated and gives each a publish time.
   *
   * <p>Input: {@code book} (the book run's workflow id, found through the pointer {@code
   * runs/<workflow id>.json} the book aggregation writes; a book id works too), optional {@code
   * start_at} (ISO-8601 instant; default: now), {@code interval} (ISO-8601 or {@code 1d}/{@code
   * 12h}-style duration between posting days; default 1 day), {@code per_day} (default 1; posts of
   * one day are spread evenly over the interval), {@code limit}. Output: {@code {"posts": [{"text",
   * "chapter", "chapter_title", "section", "section_title", "publish_at"}], "book": {"workflow_id",
   * "book_id", "title", "lang", "manifest", "posts_available"}}}, posts in book order. Failures:
   * {@code INPUT_INVALID} naming the book id when the run or its manifest is not in the store.
   *
   * @param request the step's request
   * @return the scheduled posts
   */
  @ActivityMethod(name = Tools.BOOK_POSTS)
  ToolResult bookPosts(ToolRequest request);
}

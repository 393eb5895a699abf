package dev.bunsui.tool;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The {@code book_posts} tool. */
@ActivityInterface
public interface BookPostsActivities {

  /**
   * Reads the X posts a finished book run generated and gives each a publish time.
   *
   * <p>Input: {@code book} (the book run's workflow id), optional {@code start_at} (ISO-8601
   * instant; default: now), {@code interval} (ISO-8601 or {@code 1d}-style duration between posting
   * days; default 1 day), {@code per_day} (default 1), {@code limit}. Output: {@code {"posts":
   * [{"text", "chapter", "section", "publish_at"}], "book": {...}}}.
   *
   * @param request the step's request
   * @return the scheduled posts
   */
  @ActivityMethod(name = Tools.BOOK_POSTS)
  ToolResult bookPosts(ToolRequest request);
}

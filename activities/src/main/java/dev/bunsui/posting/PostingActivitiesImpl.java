package dev.bunsui.posting;

import dev.bunsui.tool.PostingActivities;
import dev.bunsui.tool.ToolRequest;
import dev.bunsui.tool.ToolResult;
import dev.bunsui.tool.Tools;
import dev.bunsui.toolrun.ToolRunner;

/** The {@code auto_posting} activity, thin over {@link PostingService}. */
public class PostingActivitiesImpl implements PostingActivities {
  private final ToolRunner runner;
  private final PostingService service;

  /**
   * Creates the activity.
   *
   * @param runner stores input and output and classifies failures
   * @param service the tool
   */
  public PostingActivitiesImpl(ToolRunner runner, PostingService service) {
    this.runner = runner;
    this.service = service;
  }

  @Override
  public ToolResult post(ToolRequest request) {
    int attempt = ToolRunner.currentAttempt();
    return runner.run(
        Tools.AUTO_POSTING, request, attempt, in -> service.post(request, in, attempt));
  }
}

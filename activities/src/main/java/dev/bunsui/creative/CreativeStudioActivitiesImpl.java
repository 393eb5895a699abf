package dev.bunsui.creative;

import dev.bunsui.tool.CreativeStudioActivities;
import dev.bunsui.tool.ToolRequest;
import dev.bunsui.tool.ToolResult;
import dev.bunsui.tool.Tools;
import dev.bunsui.toolrun.ToolRunner;

/** The {@code ai_creative_studio} activity, thin over {@link CreativeStudioService}. */
public class CreativeStudioActivitiesImpl implements CreativeStudioActivities {
  private final ToolRunner runner;
  private final CreativeStudioService service;

  /**
   * Creates the activity.
   *
   * @param runner stores input and output and classifies failures
   * @param service the tool
   */
  public CreativeStudioActivitiesImpl(ToolRunner runner, CreativeStudioService service) {
    this.runner = runner;
    this.service = service;
  }

  @Override
  public ToolResult createCreatives(ToolRequest request) {
    return runner.run(Tools.AI_CREATIVE_STUDIO, request, service::create);
  }
}

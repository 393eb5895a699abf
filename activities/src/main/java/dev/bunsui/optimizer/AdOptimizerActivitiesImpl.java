package dev.bunsui.optimizer;

import dev.bunsui.tool.AdOptimizerActivities;
import dev.bunsui.tool.ToolRequest;
import dev.bunsui.tool.ToolResult;
import dev.bunsui.tool.Tools;
import dev.bunsui.toolrun.ToolRunner;

/** The {@code realtime_ad_optimizer} activity, thin over {@link AdOptimizerService}. */
public class AdOptimizerActivitiesImpl implements AdOptimizerActivities {
  private final ToolRunner runner;
  private final AdOptimizerService service;

  /**
   * Creates the activity.
   *
   * @param runner stores input and output and classifies failures
   * @param service the tool
   */
  public AdOptimizerActivitiesImpl(ToolRunner runner, AdOptimizerService service) {
    this.runner = runner;
    this.service = service;
  }

  @Override
  public ToolResult scoreCreatives(ToolRequest request) {
    return runner.run(Tools.REALTIME_AD_OPTIMIZER, request, service::score);
  }
}

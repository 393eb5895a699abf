package dev.bunsui.cli;

import dev.bunsui.cli.guard.Guardrails;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bunsui pipeline list|run}. */
@Command(
    name = "pipeline",
    description = "Pipelines (workflow types) you can run.",
    mixinStandardHelpOptions = true,
    subcommands = {PipelineCommand.ListCommand.class, RunCommand.class})
public class PipelineCommand {

  /** {@code bunsui pipeline list}. */
  @Command(name = "list", description = "List the pipelines.", mixinStandardHelpOptions = true)
  static class ListCommand implements Runnable {
    @Mixin GlobalOptions global;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      Guardrails.load(global).checkRead("pipeline:list");
      Output.print(
          spec.commandLine().getOut(),
          global.format(),
          List.of(
              Map.of(
                  "name",
                  "book",
                  "workflowType",
                  "BookWorkflow",
                  "taskQueue",
                  dev.bunsui.book.BookTaskQueues.BOOK,
                  "activityTaskQueues",
                  dev.bunsui.tool.TaskQueues.ACTIVITY_QUEUES,
                  "description",
                  "Markdown book in; per chapter and section: articles, video scripts, X posts,"
                      + " descriptions, thumbnails and figures out")));
    }
  }
}

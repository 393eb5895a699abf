package dev.bunsui.cli;

import dev.bunsui.cli.guard.Guardrails;
import dev.bunsui.cli.pipeline.PipelineRuns;
import dev.bunsui.pipeline.PipelineDefinition;
import dev.bunsui.pipeline.PipelineWorkflow;
import dev.bunsui.pipeline.definition.Templates;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bunsui pipeline list|run}: the book pipeline and the declarative templates. */
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
      List<Map<String, Object>> rows = new java.util.ArrayList<>();
      rows.add(
          Map.of(
              "name",
              "book",
              "workflowType",
              "BookWorkflow",
              "taskQueue",
              dev.bunsui.book.BookTaskQueues.BOOK,
              "description",
              "Markdown book in; per chapter and section: articles, video scripts, X posts,"
                  + " descriptions, thumbnails and figures out"));
      for (String name : Templates.NAMES) {
        PipelineDefinition d = Templates.find(name).orElseThrow();
        rows.add(
            Map.of(
                "name",
                name,
                "workflowType",
                PipelineWorkflow.TYPE,
                "taskQueue",
                PipelineRuns.TASK_QUEUE,
                "description",
                d.description() == null ? d.name() : d.description()));
      }
      Output.print(spec.commandLine().getOut(), global.format(), rows);
    }
  }
}

package dev.bunsui.cli;

import dev.bunsui.book.BookTaskQueues;
import dev.bunsui.cli.guard.Guardrails;
import dev.bunsui.pipeline.PipelineDefinition;
import dev.bunsui.pipeline.PipelineWorkflow;
import dev.bunsui.pipeline.StepDefinition;
import dev.bunsui.pipeline.definition.Templates;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bunsui pipeline list|validate|run}. */
@Command(
    name = "pipeline",
    description = "Pipelines (workflow types and pipeline definitions) you can run.",
    mixinStandardHelpOptions = true,
    subcommands = {
      PipelineCommand.ListCommand.class,
      PipelineValidateCommand.class,
      RunCommand.class
    })
public class PipelineCommand {

  /**
   * One row of {@code bunsui pipeline list}; the same fields for the book pipeline and for each
   * template.
   *
   * @param name what {@code bunsui pipeline run} takes
   * @param id the pipeline id (the BunsuiPipeline search attribute)
   * @param title a human name
   * @param workflowType the Temporal workflow type that runs it
   * @param taskQueue the workflow's task queue
   * @param description what it does
   * @param steps the number of steps of a pipeline definition; null for a workflow type coded in
   *     Java
   * @param tools the tools the steps call, in step order, each once; empty for the book pipeline
   */
  record PipelineRow(
      String name,
      String id,
      String title,
      String workflowType,
      String taskQueue,
      String description,
      Integer steps,
      List<String> tools) {

    /** The row of a template. */
    static PipelineRow of(String name, PipelineDefinition d) {
      List<String> tools = new ArrayList<>();
      for (StepDefinition s : d.steps()) {
        if (!tools.contains(s.tool())) {
          tools.add(s.tool());
        }
      }
      return new PipelineRow(
          name,
          d.id(),
          d.name(),
          PipelineWorkflow.TYPE,
          dev.bunsui.cli.pipeline.PipelineRuns.TASK_QUEUE,
          d.description(),
          d.steps().size(),
          List.copyOf(tools));
    }
  }

  /** {@code bunsui pipeline list}: the book pipeline, then every template. */
  @Command(name = "list", description = "List the pipelines.", mixinStandardHelpOptions = true)
  static class ListCommand implements Runnable {
    @Mixin GlobalOptions global;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      Guardrails.load(global).checkRead("pipeline:list");
      List<PipelineRow> rows = new ArrayList<>();
      rows.add(
          new PipelineRow(
              "book",
              "book",
              "Book",
              "BookWorkflow",
              BookTaskQueues.BOOK,
              "Markdown book in; per chapter and section: articles, video scripts, X posts,"
                  + " descriptions, thumbnails and figures out",
              null,
              List.of()));
      for (String name : Templates.NAMES) {
        rows.add(PipelineRow.of(name, Templates.find(name).orElseThrow()));
      }
      Output.print(spec.commandLine().getOut(), global.format(), rows);
    }
  }
}

package dev.bunsui.cli;

import dev.bunsui.cli.guard.Guardrails;
import dev.bunsui.pipeline.PipelineDefinition;
import dev.bunsui.pipeline.definition.DefinitionException;
import dev.bunsui.pipeline.definition.DefinitionProblem;
import dev.bunsui.pipeline.definition.PipelineDefinitions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bunsui pipeline validate FILE}: checks a pipeline definition (YAML or JSON) completely,
 * without a Temporal server. In table format it prints {@code valid: <id> (<n> steps)}, or every
 * problem as {@code file:line:column: jsonPath: reason} in document order; in JSON or YAML, an
 * object {@code {file, valid, id, steps, problems: [{file, line, column, jsonPath, reason}]}}.
 * Exits 0 when valid, {@link ExitCodes#USAGE} (2) when not.
 */
@Command(
    name = "validate",
    description =
        "Check a pipeline definition file (YAML or JSON) without running it: prints every problem"
            + " as file:line:column: jsonPath: reason and exits 2 when there is one.",
    mixinStandardHelpOptions = true)
public class PipelineValidateCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The definition (.yaml, .yml, .json).")
  Path file;

  /**
   * The result in JSON and YAML output.
   *
   * @param file the file as given
   * @param valid whether it has no problem
   * @param id the pipeline id when valid
   * @param steps the number of steps when valid
   * @param problems every problem in document order; empty when valid
   */
  record Report(
      String file, boolean valid, String id, Integer steps, List<DefinitionProblem> problems) {}

  @Override
  public Integer call() {
    Guardrails.load(global).checkRead("pipeline:validate");
    PrintWriter out = spec.commandLine().getOut();
    Report report;
    try {
      PipelineDefinition d = PipelineDefinitions.load(file);
      report = new Report(file.toString(), true, d.id(), d.steps().size(), List.of());
    } catch (DefinitionException e) {
      report = new Report(file.toString(), false, null, null, e.problems());
    }
    if (global.format() == GlobalOptions.Format.TABLE) {
      if (report.valid()) {
        out.println("valid: " + report.id() + " (" + report.steps() + " steps)");
      } else {
        report.problems().forEach(out::println);
      }
      out.flush();
    } else {
      Output.print(out, global.format(), report);
    }
    if (report.valid()) {
      return ExitCodes.OK;
    }
    int n = report.problems().size();
    spec.commandLine()
        .getErr()
        .println("error: " + file + " is not valid: " + n + (n == 1 ? " problem" : " problems"));
    spec.commandLine().getErr().flush();
    return ExitCodes.USAGE;
  }
}

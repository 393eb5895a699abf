package dev.bunsui.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bunsui session rerun ID --strategy reset|cache [--from-job STEP] [--dry-run]}. */
@Command(
    name = "rerun",
    description =
        "Rerun a failed session from its failed step, spending nothing again on steps that had"
            + " succeeded.",
    mixinStandardHelpOptions = true)
class SessionRerunCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Mixin RerunOptions rerun;

  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "Workflow id of the session.")
  String id;

  @Option(
      names = "--from-job",
      description =
          "The step to rerun from (reset): a path from bunsui job list or error analyze, such as"
              + " chapter-1 or chapter-1/section-2/ConvertFigure; default the first failed step.")
  String fromJob;

  @Override
  public Integer call() throws InterruptedException {
    return rerun.execute(global, spec.commandLine().getOut(), "session:rerun", id, id, fromJob);
  }
}

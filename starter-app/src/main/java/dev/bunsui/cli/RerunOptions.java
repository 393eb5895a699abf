package dev.bunsui.cli;

import dev.bunsui.book.BookResult;
import dev.bunsui.cli.guard.Guardrails;
import dev.bunsui.cli.guard.MutatingAction;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options of {@code session rerun} and {@code job rerun}. */
class RerunOptions {
  @Option(
      names = "--strategy",
      description =
          "reset (Temporal reset to just before the failed step; default) or cache (a new run of"
              + " the same input reusing stored step outputs; works on any server).",
      defaultValue = "reset")
  Rerun.Strategy strategy;

  @Option(
      names = "--dry-run",
      description = "Only list the steps that run again, those kept, and those reused.")
  boolean dryRun;

  @Option(names = "--wait", description = "Wait until the rerun ends and print its result.")
  boolean await;

  /**
   * Runs the rerun and prints the outcome.
   *
   * @return the exit code
   */
  int execute(
      GlobalOptions global,
      PrintWriter out,
      String action,
      String resource,
      String sessionId,
      String fromJob)
      throws InterruptedException {
    Guardrails guard = Guardrails.load(global);
    Map<String, Object> result;
    try (MutatingAction audit = guard.begin(action, resource, sessionId);
        Temporal t = Temporal.connect(global)) {
      try {
        result = Rerun.run(t, sessionId, strategy, fromJob, dryRun, guard.actor());
      } catch (RuntimeException e) {
        throw audit.failed(e);
      }
      if (dryRun) {
        audit.dryRun("strategy " + strategy);
      } else {
        audit.succeeded("strategy " + strategy + ", new run " + result.get("newRunId"));
      }
      if (await && !dryRun) {
        BookResult r = Rerun.await(t, sessionId);
        result.put("status", "completed");
        result.put("summary", RunCommand.summaryLine(r));
      }
    }
    Output.print(out, global.format(), result);
    return ExitCodes.OK;
  }
}

package dev.bunsui.cli;

import dev.bunsui.book.BookResult;
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

  /** Who runs the command: {@code BUNSUI_ACTOR}, else the OS user. */
  static String actor() {
    String a = System.getenv("BUNSUI_ACTOR");
    return a != null && !a.isBlank() ? a : "user:" + System.getProperty("user.name");
  }

  /**
   * Runs the rerun and prints the outcome.
   *
   * @return the exit code
   */
  int execute(GlobalOptions global, PrintWriter out, String sessionId, String fromJob, String actor)
      throws InterruptedException {
    try (Temporal t = Temporal.connect(global)) {
      Map<String, Object> result = Rerun.run(t, sessionId, strategy, fromJob, dryRun, actor);
      if (await && !dryRun) {
        BookResult r = Rerun.await(t, sessionId);
        result.put("status", "completed");
        result.put("summary", RunCommand.summaryLine(r));
      }
      Output.print(out, global.format(), result);
      return ExitCodes.OK;
    }
  }
}

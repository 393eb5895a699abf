package dev.bunsui.cli;

import dev.bunsui.cli.guard.Guardrails;
import dev.bunsui.cli.steps.ErrorReport;
import dev.bunsui.cli.steps.SessionHistory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bunsui error analyze --session-id ID}: every failure of a session, with what to do. */
@Command(
    name = "error",
    description = "Errors of sessions.",
    mixinStandardHelpOptions = true,
    subcommands = {ErrorCommand.Analyze.class})
public class ErrorCommand {

  /** {@code bunsui error analyze}. */
  @Command(
      name = "analyze",
      description =
          "Every failure of a session: step, activity type, attempts, error code, message, times"
              + " and recovery suggestions with the command to run.",
      mixinStandardHelpOptions = true)
  static class Analyze implements Callable<Integer> {
    @Mixin GlobalOptions global;

    @Spec CommandSpec spec;

    @Option(names = "--session-id", required = true, description = "Workflow id of the session.")
    String sessionId;

    @Override
    public Integer call() {
      Guardrails.load(global).checkRead("error:analyze");
      try (Temporal t = Temporal.connect(global)) {
        SessionHistory session = Rerun.load(t, sessionId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sessionId", sessionId);
        out.put("runId", session.runId());
        out.put("status", session.status());
        var errors = ErrorReport.entries(session, t.supportsReset());
        out.put("errorCount", errors.size());
        out.put("errors", errors);
        Output.print(spec.commandLine().getOut(), global.format(), out);
        return ExitCodes.OK;
      }
    }
  }
}

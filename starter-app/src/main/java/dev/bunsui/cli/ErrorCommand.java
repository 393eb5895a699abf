package dev.bunsui.cli;

import dev.bunsui.cli.steps.ErrorReport;
import dev.bunsui.cli.steps.SessionHistory;
import java.util.Map;
import picocli.CommandLine.Command;

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
  static class Analyze extends SessionReport {
    @Override
    String action() {
      return "error:analyze";
    }

    @Override
    void report(Temporal t, SessionHistory session, Map<String, Object> out) {
      var errors = ErrorReport.entries(session, t.supportsReset());
      out.put("errorCount", errors.size());
      out.put("errors", errors);
    }
  }
}

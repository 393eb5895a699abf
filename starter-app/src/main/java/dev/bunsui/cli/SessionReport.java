package dev.bunsui.cli;

import dev.bunsui.cli.guard.Guardrails;
import dev.bunsui.cli.steps.SessionHistory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A read command about one session ({@code --session-id ID}): checks the read permission, reads the
 * session's histories from Temporal and prints a report that starts with the session id and status.
 */
abstract class SessionReport implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  @Option(names = "--session-id", required = true, description = "Workflow id of the session.")
  String sessionId;

  /** The guard-rail action name, such as {@code error:analyze}. */
  abstract String action();

  /**
   * Adds the command's fields to the report.
   *
   * @param t the connection
   * @param session the session read
   * @param report the report, already holding {@code sessionId}, {@code runId} and {@code status}
   */
  abstract void report(Temporal t, SessionHistory session, Map<String, Object> report);

  @Override
  public Integer call() {
    Guardrails.load(global).checkRead(action());
    try (Temporal t = Temporal.connect(global)) {
      SessionHistory session = Rerun.load(t, sessionId);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("sessionId", sessionId);
      out.put("runId", session.runId());
      out.put("status", session.status());
      report(t, session, out);
      Output.print(spec.commandLine().getOut(), global.format(), out);
      return ExitCodes.OK;
    }
  }
}

package dev.bunsui.cli;

import dev.bunsui.cli.steps.SessionHistory;
import dev.bunsui.cli.steps.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bunsui job list|rerun}: a job is one step of a session (an activity or child workflow).
 */
@Command(
    name = "job",
    description = "Jobs: the steps of a session.",
    mixinStandardHelpOptions = true,
    subcommands = {JobCommand.ListJobs.class, JobCommand.RerunJob.class})
public class JobCommand {

  /** {@code bunsui job list --session-id ID}. */
  @Command(
      name = "list",
      description = "Every step of a session with its status and attempts.",
      mixinStandardHelpOptions = true)
  static class ListJobs extends SessionReport {
    @Override
    String action() {
      return "job:list";
    }

    @Override
    void report(Temporal t, SessionHistory session, Map<String, Object> out) {
      List<Map<String, Object>> jobs = session.allSteps().stream().map(JobCommand::row).toList();
      out.put("jobs", jobs);
    }
  }

  static Map<String, Object> row(Step s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("jobId", s.path());
    m.put("kind", s.kind());
    m.put("type", s.type());
    m.put("status", s.status());
    m.put("attempts", s.attempts());
    if (s.summary() != null) {
      m.put("summary", s.summary());
    }
    if (s.errorCode() != null) {
      m.put("errorCode", s.errorCode());
    }
    return m;
  }

  /** {@code bunsui job rerun STEP --session-id ID}. */
  @Command(
      name = "rerun",
      description =
          "Rerun a session from one step (same as session rerun --from-job STEP); completed steps"
              + " are not computed again.",
      mixinStandardHelpOptions = true)
  static class RerunJob implements Callable<Integer> {
    @Mixin GlobalOptions global;

    @Mixin RerunOptions rerun;

    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "The step (job id from bunsui job list).")
    String step;

    @Option(names = "--session-id", required = true, description = "Workflow id of the session.")
    String sessionId;

    @Override
    public Integer call() throws InterruptedException {
      String from = rerun.strategy == Rerun.Strategy.RESET ? step : null;
      return rerun.execute(global, spec.commandLine().getOut(), "job:rerun", step, sessionId, from);
    }
  }
}

package dev.bunsui.cli;

import dev.bunsui.cli.guard.Guardrails;
import dev.bunsui.cli.steps.Recovery;
import dev.bunsui.cli.steps.SessionHistory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bunsui recovery suggest --session-id ID}: ranked recovery plans for a failed session. */
@Command(
    name = "recovery",
    description = "Recovery of failed sessions.",
    mixinStandardHelpOptions = true,
    subcommands = {RecoveryCommand.Suggest.class})
public class RecoveryCommand {

  /** {@code bunsui recovery suggest}. */
  @Command(
      name = "suggest",
      description =
          "Ranked recovery plans built from the error taxonomy, each with commands and reasons.",
      mixinStandardHelpOptions = true)
  static class Suggest implements Callable<Integer> {
    @Mixin GlobalOptions global;

    @Spec CommandSpec spec;

    @Option(names = "--session-id", required = true, description = "Workflow id of the session.")
    String sessionId;

    @Override
    public Integer call() {
      Guardrails.load(global).checkRead("recovery:suggest");
      try (Temporal t = Temporal.connect(global)) {
        SessionHistory session = Rerun.load(t, sessionId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sessionId", sessionId);
        out.put("status", session.status());
        out.put("recoveryPlans", Recovery.plans(session, t.supportsReset()));
        Output.print(spec.commandLine().getOut(), global.format(), out);
        return ExitCodes.OK;
      }
    }
  }
}

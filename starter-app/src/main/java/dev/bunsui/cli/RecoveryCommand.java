package dev.bunsui.cli;

import dev.bunsui.cli.steps.Recovery;
import dev.bunsui.cli.steps.SessionHistory;
import java.util.Map;
import picocli.CommandLine.Command;

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
  static class Suggest extends SessionReport {
    @Override
    String action() {
      return "recovery:suggest";
    }

    @Override
    void report(Temporal t, SessionHistory session, Map<String, Object> out) {
      out.put("recoveryPlans", Recovery.plans(session, t.supportsReset()));
    }
  }
}

package dev.bunsui.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bunsui} command line: {@code bunsui [global options] <resource> <action>}. It is
 * stateless (all state lives in Temporal) and talks to Temporal only through the client.
 *
 * <p>Exit codes: see {@link ExitCodes}.
 */
@Command(
    name = "bunsui",
    mixinStandardHelpOptions = true,
    version = "bunsui 0.1.0",
    description = "Durable content-generation pipelines on Temporal.",
    subcommands = {
      PipelineCommand.class,
      SessionCommand.class,
      JobCommand.class,
      ErrorCommand.class,
      RecoveryCommand.class,
      WorkerCommand.class,
      DevCommand.class,
      ServeCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 run failed, 2 usage error (or invalid config/permissions file),"
          + " 3 Temporal unreachable or embedded server failed, 4 not found, 5 still running,"
          + " 6 refused (read-only mode or not permitted), 7 approval required (--approved-by)."
    })
public class BunsuiCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Entry point; exits with the command's exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(GlobalArgs.hoist(args)));
  }

  /** The configured command line (for tests). */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new BunsuiCli());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof CliException ce) {
            cmd.getErr().println("error: " + ce.getMessage());
            return ce.exitCode();
          }
          cmd.getErr().println("error: " + e);
          return ExitCodes.RUN_FAILED;
        });
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

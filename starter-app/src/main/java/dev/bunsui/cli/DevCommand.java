package dev.bunsui.cli;

import dev.bunsui.cli.dev.DevServerChoice;
import dev.bunsui.cli.dev.DevServerException;
import dev.bunsui.cli.dev.TemporalCli;
import dev.bunsui.cli.dev.TemporalDevServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bunsui dev}: a local Temporal server plus a worker until Ctrl-C. With the Temporal CLI
 * installed ({@code scripts/install-temporal-cli.sh}) the server is the real dev server with the
 * Web UI and a SQLite file that keeps runs across restarts; otherwise the worker's in-JVM server.
 */
@Command(
    name = "dev",
    description = {
      "Run a local Temporal server and a worker until Ctrl-C.",
      "With the Temporal CLI installed (bash scripts/install-temporal-cli.sh): the real dev server"
          + " with the Web UI (http://localhost:8233) and runs kept in .bunsui/dev.db; otherwise"
          + " the in-JVM server (no Web UI)."
    },
    mixinStandardHelpOptions = true)
public class DevCommand implements Callable<Integer> {
  private static final String NAMESPACE = TemporalDevServer.NAMESPACE;

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      description = "Temporal frontend port (default: ${DEFAULT-VALUE}).",
      defaultValue = "7233")
  int port;

  @Option(
      names = "--ui-port",
      description = "Web UI port (default: ${DEFAULT-VALUE}).",
      defaultValue = "8233")
  int uiPort;

  @Option(
      names = "--db",
      description =
          "SQLite file of the dev server (default: .bunsui/dev.db in the project folder).")
  Path db;

  @Option(names = "--headless", description = "Start the dev server without the Web UI.")
  boolean headless;

  @Option(
      names = "--temporal-cli",
      description =
          "Temporal CLI binary (default: .tools/temporal/bin/temporal in the project folder, then"
              + " temporal on PATH).")
  Path temporalCli;

  @Option(
      names = "--embedded",
      description = "Use the in-JVM server even when the Temporal CLI is installed.")
  boolean embedded;

  @Option(names = "--out", description = "Output folder (default: ./out).", defaultValue = "out")
  Path out;

  private boolean interrupted;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (port < 1 || port > 65535 || uiPort < 1 || uiPort > 65535) {
      throw new CliException(ExitCodes.USAGE, "--port and --ui-port must be 1..65535");
    }
    DevServerChoice choice;
    try {
      choice =
          DevServerChoice.choose(
              Optional.ofNullable(temporalCli),
              TemporalCli.projectHome(),
              System.getenv("PATH"),
              embedded);
    } catch (DevServerException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage());
    }
    err.println(choice.intro());
    err.flush();
    try {
      return choice.realServer() ? runReal(choice.binary().get(), err) : runEmbedded(err);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt(); // now that the children are stopped
      }
    }
  }

  private int runReal(Path binary, PrintWriter err) {
    Path dbFile = db != null ? db : TemporalCli.projectHome().resolve(".bunsui/dev.db");
    dbFile = dbFile.toAbsolutePath().normalize();
    Path serverLog = dbFile.resolveSibling("dev-server.log");
    TemporalDevServer.Builder builder =
        TemporalDevServer.builder()
            .binary(binary)
            .port(port)
            .dbFile(dbFile)
            .logFile(serverLog)
            .headless(headless);
    if (!headless) {
      builder.uiPort(uiPort);
    }
    try (TemporalDevServer server = builder.start();
        EmbeddedWorker worker =
            EmbeddedWorker.start(false, workerArgs(server.target()), logs(), startTimeout())) {
      err.println("Temporal dev server: " + server.target() + " (namespace " + NAMESPACE + ")");
      err.println("  binary " + binary + "; runs kept in " + dbFile + "; log " + serverLog);
      err.println(headless ? "Web UI: off (--headless)" : "Web UI: " + server.uiUrl());
      printWorker(err, worker);
      // a server that dies takes the worker down with it, which ends the wait below
      server.onExit().thenRun(worker::close);
      int code = awaitWorker(worker);
      if (!server.isAlive() && server.onExit().join() != 0) {
        throw new CliException(
            ExitCodes.UNREACHABLE, "the Temporal dev server stopped; see its log " + serverLog);
      }
      return code;
    } catch (DevServerException e) {
      throw new CliException(
          ExitCodes.UNREACHABLE, e.getMessage() + " (--port / --ui-port choose other ports)");
    }
  }

  private int runEmbedded(PrintWriter err) {
    List<String> args = workerArgs("127.0.0.1:" + port);
    args.add("--bunsui.embedded.port=" + port);
    try (EmbeddedWorker worker = EmbeddedWorker.start(true, args, logs(), startTimeout())) {
      err.println("in-JVM Temporal server: " + worker.target() + " (namespace " + NAMESPACE + ")");
      err.println("Web UI: none with the in-JVM server (bash " + TemporalCli.INSTALL_SCRIPT + ")");
      printWorker(err, worker);
      return awaitWorker(worker);
    }
  }

  private List<String> workerArgs(String target) {
    List<String> args = new ArrayList<>();
    args.add("--spring.temporal.connection.target=" + target);
    args.add("--spring.temporal.namespace=" + NAMESPACE);
    args.add("--bunsui.store.root=" + out.toAbsolutePath().normalize());
    return args;
  }

  private void printWorker(PrintWriter err, EmbeddedWorker worker) {
    String targetOption =
        port == 7233 ? "" : " --target " + worker.target().replace("127.0.0.1", "localhost");
    err.println("worker: polling task queues " + BookRuns.taskQueues() + "; log " + worker.log());
    err.println(
        "Run a book in another terminal: ./bunsui pipeline run book --source <folder>"
            + targetOption);
    err.println("Ctrl-C stops the server and the worker.");
    err.flush();
  }

  /** Waits for the worker; a worker stopped by a signal (130, 143) or by us ended as asked. */
  private int awaitWorker(EmbeddedWorker worker) {
    try {
      int code = worker.waitFor();
      return code == 0 || code == 130 || code == 143 ? ExitCodes.OK : ExitCodes.RUN_FAILED;
    } catch (InterruptedException e) {
      // stopped from outside: the caller's try stops the children gracefully, then call()
      // restores the interrupt
      interrupted = true;
      return ExitCodes.OK;
    }
  }

  private Path logs() {
    return out.toAbsolutePath().normalize().resolve("logs");
  }

  private static Duration startTimeout() {
    return Duration.ofSeconds(180);
  }
}

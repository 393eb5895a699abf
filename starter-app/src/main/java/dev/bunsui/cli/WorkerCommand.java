package dev.bunsui.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bunsui worker}: runs the worker app in the foreground against {@code --target}. */
@Command(
    name = "worker",
    description = "Run a worker (the worker app) against the Temporal server at --target.",
    mixinStandardHelpOptions = true)
public class WorkerCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  @Option(names = "--out", description = "Output folder (default: ./out).", defaultValue = "out")
  Path out;

  @Option(names = "--embedded", description = "Host an embedded in-JVM server too.")
  boolean embedded;

  @Override
  public Integer call() throws Exception {
    List<String> args = new ArrayList<>();
    args.add("--spring.temporal.connection.target=" + global.target);
    args.add("--spring.temporal.namespace=" + global.namespace);
    args.add("--bunsui.store.root=" + out.toAbsolutePath().normalize());
    Path logs = out.toAbsolutePath().normalize().resolve("logs");
    try (EmbeddedWorker worker =
        EmbeddedWorker.start(embedded, args, logs, Duration.ofSeconds(180))) {
      spec.commandLine()
          .getErr()
          .println(
              "worker polling task queues "
                  + BookRuns.taskQueues()
                  + " on "
                  + worker.target()
                  + "; log "
                  + worker.log()
                  + " (Ctrl-C stops it)");
      spec.commandLine().getErr().flush();
      // a worker stopped by a signal (Ctrl-C: 130, SIGTERM: 143) ended as asked
      int code = worker.waitFor();
      return code == 0 || code == 130 || code == 143 ? ExitCodes.OK : ExitCodes.RUN_FAILED;
    }
  }
}

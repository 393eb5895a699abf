package dev.bunsui.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A connection for one command: the server at {@code --target} when it answers, otherwise an
 * embedded server with a worker in a child process (said on stderr, with its log file).
 *
 * @param temporal the connection
 * @param worker the embedded worker, or null when a server answered
 */
record Session(Temporal temporal, EmbeddedWorker worker) implements AutoCloseable {

  static Session open(GlobalOptions global, boolean forceEmbedded, Path out, PrintWriter err) {
    if (!forceEmbedded) {
      Optional<Temporal> t =
          Temporal.tryConnect(global.target, global.namespace, Duration.ofSeconds(2));
      if (t.isPresent()) {
        return new Session(t.get(), null);
      }
    }
    Path outDir = out.toAbsolutePath().normalize();
    err.println(
        (forceEmbedded
                ? "starting"
                : "no Temporal server answered at " + global.target + "; starting")
            + " an embedded one (the SDK's in-JVM test server) with a worker; outputs go to "
            + outDir);
    EmbeddedWorker worker =
        EmbeddedWorker.start(
            true,
            List.of(
                "--bunsui.store.root=" + outDir, "--spring.temporal.namespace=" + global.namespace),
            outDir.resolve("logs"),
            RunCommand.readyTimeout());
    err.println(
        "embedded Temporal at "
            + worker.target()
            + " (no Web UI; it stops when this command ends; worker log "
            + worker.log()
            + ")");
    Temporal temporal =
        Temporal.tryConnect(worker.target(), global.namespace, Duration.ofSeconds(10))
            .orElseThrow(
                () ->
                    new CliException(
                        ExitCodes.UNREACHABLE,
                        "the embedded server at " + worker.target() + " did not answer"));
    return new Session(temporal, worker);
  }

  @Override
  public void close() {
    temporal.close();
    if (worker != null) {
      worker.close();
    }
  }
}

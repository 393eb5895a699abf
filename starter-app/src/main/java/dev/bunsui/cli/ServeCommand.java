package dev.bunsui.cli;

import dev.bunsui.cli.api.ApiServer;
import dev.bunsui.cli.guard.Guardrails;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bunsui serve [--port 8080]}: the HTTP API (see {@link ApiServer}) on the Temporal server
 * at {@code --target}, or on an embedded server with a worker when none answers. Runs until stopped
 * (Ctrl-C). Mutating calls go through this process's guard rails: read-only mode refuses them with
 * 403, and each is audited with the serving actor.
 */
@Command(
    name = "serve",
    description = "Serve the HTTP API (jobs, streams, approvals; OpenAPI at /v3/api-docs).",
    mixinStandardHelpOptions = true)
public class ServeCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      description = "Port (default: ${DEFAULT-VALUE}).",
      defaultValue = "8080")
  int port;

  @Option(
      names = "--host",
      description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).",
      defaultValue = "127.0.0.1")
  String host;

  @Option(
      names = "--poll-interval",
      description = "How often streams poll a run, in milliseconds (default: ${DEFAULT-VALUE}).",
      defaultValue = "1000")
  long pollMillis;

  @Option(
      names = "--out",
      description = "Output folder of the embedded worker (default: ./out).",
      defaultValue = "out")
  Path out;

  @Option(
      names = "--embedded",
      description = "Always use an embedded server, even when --target answers.")
  boolean forceEmbedded;

  @Override
  public Integer call() throws InterruptedException {
    Guardrails guard = Guardrails.load(global);
    guard.checkRead("api:serve");
    PrintWriter err = spec.commandLine().getErr();
    try (Session session = Session.open(global, forceEmbedded, out, err)) {
      CountDownLatch closed = new CountDownLatch(1);
      ConfigurableApplicationContext app =
          ApiServer.start(
              new ApiServer.Settings(
                  session.temporal(),
                  guard,
                  host,
                  port,
                  Duration.ofMillis(Math.max(100, pollMillis)),
                  BunsuiCli.class.getAnnotation(Command.class).version()[0]));
      app.addApplicationListener(
          event -> {
            if (event instanceof ContextClosedEvent) {
              closed.countDown();
            }
          });
      Runtime.getRuntime().addShutdownHook(new Thread(app::close, "bunsui-serve-stop"));
      err.println(
          "bunsui API on http://"
              + host
              + ":"
              + ApiServer.port(app)
              + " (Temporal "
              + session.temporal().target()
              + ", namespace "
              + session.temporal().namespace()
              + ", actor "
              + guard.actor()
              + (guard.readOnly() ? ", read-only" : "")
              + "); OpenAPI at /v3/api-docs; Ctrl-C stops it");
      err.flush();
      closed.await();
      return ExitCodes.OK;
    }
  }
}

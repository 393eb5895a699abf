package dev.bunsui.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bunsui.cli.BunsuiCli;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bunsui dev} for real: the dev server with the Web UI and a worker (the worker jar as a
 * child process), stopped from outside as Ctrl-C would, leaving no server behind.
 */
class DevCommandIT {
  @TempDir Path dir;

  @Test
  void devRunsTheRealServerWithTheWebUiAndAWorker() throws Exception {
    Path binary = TemporalDevServerExtension.requireBinary();
    int port = freePort();
    int uiPort = freePort();
    Path db = dir.resolve("state/dev.db");

    try (Running dev =
        Running.start(
            "dev",
            "--temporal-cli",
            binary.toString(),
            "--port",
            Integer.toString(port),
            "--ui-port",
            Integer.toString(uiPort),
            "--db",
            db.toString(),
            "--out",
            dir.resolve("out").toString())) {
      String said = dev.awaitReady();
      assertThat(said)
          .contains("starting the Temporal dev server (" + binary + ")")
          .contains("Temporal dev server: 127.0.0.1:" + port)
          .contains("Web UI: http://localhost:" + uiPort)
          .contains("runs kept in " + db)
          .contains("--target localhost:" + port);
      assertThat(db).exists();
      assertThat(hasWorkflowPollers("127.0.0.1:" + port)).as("the worker polls").isTrue();
      HttpResponse<Void> ui =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + uiPort + "/")).build(),
                  HttpResponse.BodyHandlers.discarding());
      assertThat(ui.statusCode()).isEqualTo(200);

      assertThat(dev.stop()).as("exit code; stderr:%n%s", dev.err).isZero();
    }
    assertThat(portIsFree(port)).as("the dev server stopped").isTrue();
    assertThat(portIsFree(uiPort)).as("the Web UI stopped").isTrue();
    assertThat(db).as("the database stays for the next start").exists();
  }

  @Test
  void devWithEmbeddedRunsTheInJvmServerAndSaysThereIsNoWebUi() throws Exception {
    int port = freePort();
    try (Running dev =
        Running.start(
            "dev", "--embedded", "--port", Integer.toString(port), "--out", dir.toString())) {
      String said = dev.awaitReady();
      assertThat(said)
          .contains("using the in-JVM Temporal server, because --embedded was given")
          .contains("no Web UI")
          .contains("bash scripts/install-temporal-cli.sh")
          .contains("in-JVM Temporal server: 127.0.0.1:" + port);
      assertThat(answers("127.0.0.1:" + port)).as("the in-JVM server answers").isTrue();
      assertThat(dev.stop()).as("exit code; stderr:%n%s", dev.err).isZero();
    }
    assertThat(portIsFree(port)).as("the in-JVM server stopped with the worker").isTrue();
  }

  /** {@code bunsui <args>} on a thread; {@link #stop()} interrupts it as Ctrl-C would end it. */
  private record Running(Thread thread, CompletableFuture<Integer> code, StringWriter err)
      implements AutoCloseable {
    static Running start(String... args) {
      StringWriter err = new StringWriter();
      CompletableFuture<Integer> code = new CompletableFuture<>();
      Thread thread =
          new Thread(
              () -> {
                CommandLine cli = BunsuiCli.commandLine();
                cli.setErr(new PrintWriter(err, true));
                cli.setOut(new PrintWriter(new StringWriter()));
                code.complete(cli.execute(args));
              },
              "bunsui-dev");
      thread.start();
      return new Running(thread, code, err);
    }

    String awaitReady() throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      while (System.nanoTime() < deadline && !code.isDone()) {
        if (err.toString().contains("Ctrl-C stops")) {
          return err.toString();
        }
        Thread.sleep(200);
      }
      throw new AssertionError("bunsui dev did not get ready; it said:\n" + err);
    }

    int stop() throws Exception {
      thread.interrupt();
      return code.get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
      if (!code.isDone()) {
        stop();
      }
    }
  }

  private static boolean hasWorkflowPollers(String target) throws InterruptedException {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    try {
      // the worker says it is ready when its pollers start; the server may see them a bit later
      for (int i = 0; i < 50; i++) {
        int pollers =
            stubs
                .blockingStub()
                .describeTaskQueue(
                    DescribeTaskQueueRequest.newBuilder()
                        .setNamespace("default")
                        .setTaskQueue(TaskQueue.newBuilder().setName("bunsui-book"))
                        .setTaskQueueType(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW)
                        .build())
                .getPollersCount();
        if (pollers > 0) {
          return true;
        }
        Thread.sleep(200);
      }
      return false;
    } finally {
      stubs.shutdownNow();
    }
  }

  private static boolean answers(String target) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    try {
      return stubs
          .blockingStub()
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance())
          .hasCapabilities();
    } finally {
      stubs.shutdownNow();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static boolean portIsFree(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

package dev.bunsui.cli.dev;

import dev.bunsui.book.BookSearchAttributes;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real Temporal dev server ({@code temporal server start-dev} of the Temporal CLI: server 1.29
 * on SQLite, with the Web UI) as a child process, with bunsui's custom search attributes ({@link
 * BookSearchAttributes#ALL} as Keyword, {@link BookSearchAttributes#KEYWORD_LISTS} as KeywordList)
 * registered and the namespace {@value #NAMESPACE}.
 *
 * <p>Start one with {@link #builder()}; {@link #close()} stops it (also at JVM exit). Its output
 * goes to {@link #logFile()}; start failures quote the log's last lines.
 */
public final class TemporalDevServer implements AutoCloseable {
  /** The namespace the server is started with. */
  public static final String NAMESPACE = "default";

  private final Process process;
  private final Path binary;
  private final int port;
  private final int uiPort;
  private final Path dbFile;
  private final Path tempDir;
  private final Path logFile;
  private final Thread shutdownHook;
  private volatile boolean closed;

  private TemporalDevServer(Process process, Builder b, Path tempDir, Thread shutdownHook) {
    this.process = process;
    this.binary = b.binary;
    this.port = b.port;
    this.uiPort = b.headless ? -1 : b.uiPort;
    this.dbFile = b.dbFile;
    this.tempDir = tempDir;
    this.logFile = b.logFile;
    this.shutdownHook = shutdownHook;
  }

  /** A builder with free ports, a temporary database and a temporary log file. */
  public static Builder builder() {
    return new Builder();
  }

  /** The frontend's gRPC address, {@code 127.0.0.1:<port>}, for clients and workers. */
  public String target() {
    return "127.0.0.1:" + port;
  }

  /** The frontend's gRPC port. */
  public int port() {
    return port;
  }

  /**
   * The Web UI's address, {@code http://localhost:<ui port>}.
   *
   * @throws IllegalStateException when the server was started headless (without the UI)
   */
  public String uiUrl() {
    if (uiPort < 0) {
      throw new IllegalStateException("the dev server was started headless: it has no Web UI");
    }
    return "http://localhost:" + uiPort;
  }

  /** The Temporal CLI binary that runs the server. */
  public Path binary() {
    return binary;
  }

  /** The SQLite file that holds the server's state. */
  public Path dbFile() {
    return dbFile;
  }

  /** The file the server's output goes to. */
  public Path logFile() {
    return logFile;
  }

  /** Whether the server process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Completes with the server's exit code when its process ends (for whatever reason). */
  public CompletableFuture<Integer> onExit() {
    return process.onExit().thenApply(Process::exitValue);
  }

  /**
   * Stops the server and its child processes (SIGTERM, then SIGKILL after 10 s) and deletes a
   * temporary database. Safe to call more than once.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down; the hook stops the process
    }
    ProcessTree.stop(process, Duration.ofSeconds(10));
    if (tempDir != null) {
      deleteTempDir(tempDir);
    }
  }

  private static void deleteTempDir(Path dir) {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a leftover temporary file is harmless
    }
  }

  /** Options for {@link TemporalDevServer}; every one has a default. */
  public static final class Builder {
    private Path binary;
    private int port;
    private int uiPort;
    private int httpPort;
    private int metricsPort;
    private Path dbFile;
    private Path logFile;
    private boolean headless;
    private Duration startTimeout = Duration.ofSeconds(60);

    private Builder() {}

    /** The Temporal CLI binary (default: {@link TemporalCli#require()}). */
    public Builder binary(Path binary) {
      this.binary = binary;
      return this;
    }

    /** The frontend's gRPC port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = checkPort(port, "port");
      return this;
    }

    /** The Web UI's port; 0 (the default) picks a free one. */
    public Builder uiPort(int uiPort) {
      this.uiPort = checkPort(uiPort, "uiPort");
      return this;
    }

    /**
     * The SQLite file to keep the server's state in across restarts (its folder is created);
     * default: a temporary file deleted by {@link #close()}.
     */
    public Builder dbFile(Path dbFile) {
      this.dbFile = dbFile;
      return this;
    }

    /** The file for the server's output (its folder is created); default: a temporary file. */
    public Builder logFile(Path logFile) {
      this.logFile = logFile;
      return this;
    }

    /** Whether to start without the Web UI (default: with it). */
    public Builder headless(boolean headless) {
      this.headless = headless;
      return this;
    }

    /** How long to wait for the frontend to answer (default 60 s). */
    public Builder startTimeout(Duration startTimeout) {
      this.startTimeout = startTimeout;
      return this;
    }

    /**
     * Starts the server and waits until its frontend answers and the namespace exists.
     *
     * @return the running server
     * @throws DevServerException when the binary is missing, the process cannot be started, or it
     *     exits or does not answer within the start timeout (the message quotes the log's tail)
     */
    public TemporalDevServer start() {
      // a copy resolves the defaults, so this builder can start further servers
      Builder b = new Builder();
      b.binary = binary;
      b.port = port;
      b.uiPort = uiPort;
      b.dbFile = dbFile;
      b.logFile = logFile;
      b.headless = headless;
      b.startTimeout = startTimeout;
      return b.launch();
    }

    private TemporalDevServer launch() {
      if (binary == null) {
        binary = TemporalCli.require();
      }
      if (!Files.isExecutable(binary)) {
        throw new DevServerException(
            "the Temporal CLI "
                + binary
                + " is not an executable file; "
                + TemporalCli.missingMessage(TemporalCli.projectHome()));
      }
      pickPorts();
      Path tempDir = null;
      try {
        if (dbFile == null || logFile == null) {
          tempDir = Files.createTempDirectory("bunsui-temporal-");
        }
        if (dbFile == null) {
          dbFile = tempDir.resolve("dev.db");
        }
        if (logFile == null) {
          logFile = tempDir.resolve("server.log");
        }
        createParent(dbFile);
        createParent(logFile);
      } catch (IOException e) {
        throw new DevServerException("cannot prepare the dev server's files: " + e, e);
      }
      Process process;
      try {
        process =
            new ProcessBuilder(command())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
      } catch (IOException e) {
        if (tempDir != null) {
          deleteTempDir(tempDir);
        }
        throw new DevServerException("cannot start " + binary + ": " + e, e);
      }
      Thread hook =
          new Thread(() -> ProcessTree.stop(process, Duration.ofSeconds(5)), "temporal-dev-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      TemporalDevServer server = new TemporalDevServer(process, this, tempDir, hook);
      try {
        awaitReady(server);
        return server;
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
    }

    /** The command line (after the ports are chosen). */
    List<String> command() {
      List<String> c = new ArrayList<>();
      c.add(binary.toString());
      c.addAll(List.of("server", "start-dev", "--ip", "127.0.0.1"));
      c.addAll(List.of("--port", Integer.toString(port)));
      if (headless) {
        c.add("--headless");
      } else {
        c.addAll(List.of("--ui-port", Integer.toString(uiPort)));
      }
      c.addAll(List.of("--http-port", Integer.toString(httpPort)));
      c.addAll(List.of("--metrics-port", Integer.toString(metricsPort)));
      c.addAll(List.of("--db-filename", dbFile.toAbsolutePath().toString()));
      c.addAll(List.of("--namespace", NAMESPACE, "--log-level", "warn", "--color", "never"));
      for (var key : BookSearchAttributes.ALL) {
        c.addAll(List.of("--search-attribute", key.getName() + "=Keyword"));
      }
      for (var key : BookSearchAttributes.KEYWORD_LISTS) {
        c.addAll(List.of("--search-attribute", key.getName() + "=KeywordList"));
      }
      return c;
    }

    /** Fails when a port asked for is taken: the readiness check would reach the other server. */
    private void checkFree(int wanted, String what) {
      if (wanted == 0) {
        return;
      }
      try (ServerSocket probe = new ServerSocket()) {
        probe.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), wanted));
      } catch (IOException e) {
        throw new DevServerException(
            "the "
                + what
                + " port "
                + wanted
                + " is already in use (another Temporal server?); stop that one or choose"
                + " another port");
      }
    }

    private void pickPorts() {
      checkFree(port, "frontend");
      if (!headless) {
        checkFree(uiPort, "Web UI");
      }
      // hold every socket until all are chosen so that the four ports differ
      List<ServerSocket> held = new ArrayList<>();
      try {
        port = port != 0 ? port : free(held);
        uiPort = uiPort != 0 || headless ? uiPort : free(held);
        httpPort = free(held);
        metricsPort = free(held);
      } finally {
        for (ServerSocket s : held) {
          try {
            s.close();
          } catch (IOException e) {
            // nothing to do
          }
        }
      }
    }

    private static int free(List<ServerSocket> held) {
      try {
        ServerSocket socket = new ServerSocket(0);
        held.add(socket);
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot find a free local port for the dev server", e);
      }
    }

    private void awaitReady(TemporalDevServer server) {
      long deadline = System.nanoTime() + startTimeout.toNanos();
      WorkflowServiceStubs stubs =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
      try {
        RuntimeException last = null;
        boolean answered = false;
        while (!answered && System.nanoTime() < deadline) {
          if (!server.process.isAlive()) {
            throw new DevServerException(
                "the Temporal dev server exited with code "
                    + server.process.exitValue()
                    + " while starting; log "
                    + logFile
                    + ":\n"
                    + LogTail.of(logFile, 30));
          }
          try {
            var blocking = stubs.blockingStub().withDeadlineAfter(2, TimeUnit.SECONDS);
            blocking.getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
            blocking.describeNamespace(
                DescribeNamespaceRequest.newBuilder().setNamespace(NAMESPACE).build());
            answered = true;
          } catch (RuntimeException e) {
            last = e;
            sleep(200);
          }
        }
        if (answered && server.process.isAlive()) {
          return;
        }
        if (answered) { // someone else answered on that port while ours died
          throw new DevServerException(
              "the Temporal dev server exited with code "
                  + server.process.exitValue()
                  + " while another server answered at "
                  + server.target()
                  + "; log "
                  + logFile
                  + ":\n"
                  + LogTail.of(logFile, 30));
        }
        throw new DevServerException(
            "the Temporal dev server did not answer at "
                + server.target()
                + " within "
                + startTimeout.toSeconds()
                + " s (last error: "
                + last
                + "); log "
                + logFile
                + ":\n"
                + LogTail.of(logFile, 30));
      } finally {
        stubs.shutdownNow();
      }
    }

    private static void createParent(Path file) throws IOException {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    }

    private static int checkPort(int port, String name) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(name + " must be 0..65535, got " + port);
      }
      return port;
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DevServerException("interrupted while waiting for the dev server", e);
      }
    }
  }
}

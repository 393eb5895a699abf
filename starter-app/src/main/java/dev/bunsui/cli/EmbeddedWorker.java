package dev.bunsui.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The worker app as a child process: with {@code embedded=true} it also hosts the SDK's in-JVM
 * Temporal server on a free local port. The CLI keeps to its module boundary (it depends on the
 * workflow contracts only) by launching the worker's jar rather than linking it.
 */
final class EmbeddedWorker implements AutoCloseable {
  private static final String READY = "BUNSUI_WORKER_READY ";
  private static final String SERVER = "BUNSUI_EMBEDDED_TEMPORAL ";
  private final Process process;
  private final Path log;
  private final String target;

  private EmbeddedWorker(Process process, Path log, String target) {
    this.process = process;
    this.log = log;
    this.target = target;
  }

  /** The target the worker is connected to ({@code host:port}). */
  String target() {
    return target;
  }

  /** The worker's log file. */
  Path log() {
    return log;
  }

  /**
   * Starts the worker and waits until it polls.
   *
   * @param embedded whether to host the in-JVM server too
   * @param extraArgs worker arguments such as {@code --bunsui.store.root=…}
   * @param timeout how long to wait for readiness
   * @throws CliException ({@link ExitCodes#UNREACHABLE}) when the jar is missing or the worker
   *     exits or does not get ready in time; the message carries the log's last lines
   */
  static EmbeddedWorker start(
      boolean embedded, List<String> extraArgs, Path logDir, Duration timeout) {
    return start(embedded, extraArgs, Map.of(), logDir, timeout);
  }

  /**
   * Starts the worker with extra environment variables and waits until it polls. The worker
   * inherits this process's environment (so {@code BUNSUI_CODEC_*}, API keys and the other {@code
   * BUNSUI_*} settings reach it); {@code env} adds to or overrides it, which keeps secrets off the
   * command line where {@code ps} would show them.
   *
   * @param env extra environment variables, e.g. {@code BUNSUI_CODEC_KEYS}
   * @see #start(boolean, List, Path, Duration)
   */
  static EmbeddedWorker start(
      boolean embedded,
      List<String> extraArgs,
      Map<String, String> env,
      Path logDir,
      Duration timeout) {
    Path jar = workerJar();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dbunsui.home=" + home());
    command.add("-Djava.awt.headless=true");
    command.add("--enable-native-access=ALL-UNNAMED");
    if (Runtime.version().feature() >= 23) {
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    command.add("-jar");
    command.add(jar.toString());
    if (embedded) {
      command.add("--bunsui.embedded.enabled=true");
    }
    command.addAll(extraArgs);
    Process process;
    Path log;
    try {
      Files.createDirectories(logDir);
      String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
      log = Files.createTempFile(logDir, "worker-" + stamp + "-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(env);
      process = builder.start();
    } catch (IOException e) {
      throw new CliException(ExitCodes.UNREACHABLE, "cannot start the worker " + jar + ": " + e);
    }
    // stop the child however this command ends, including Ctrl-C while it is still starting
    Thread hook = new Thread(() -> stop(process), "bunsui-worker-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return new EmbeddedWorker(process, log, awaitReady(process, log, timeout));
    } catch (IOException | RuntimeException e) {
      stop(process);
      if (e instanceof CliException ce) {
        throw ce;
      }
      throw new CliException(ExitCodes.UNREACHABLE, "the worker did not start: " + e);
    }
  }

  private static String awaitReady(Process process, Path log, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String target = null;
    while (System.nanoTime() < deadline) {
      for (String line : lines(log)) {
        if (line.startsWith(SERVER)) {
          target = line.substring(SERVER.length()).strip();
        }
        if (line.startsWith(READY)) {
          return target != null ? target : line.substring(READY.length()).strip();
        }
      }
      if (!process.isAlive()) {
        throw new CliException(
            ExitCodes.UNREACHABLE,
            "the worker exited with code "
                + process.exitValue()
                + " before it was ready; log "
                + log
                + ":\n"
                + tail(log));
      }
      sleep(200);
    }
    process.destroyForcibly();
    throw new CliException(
        ExitCodes.UNREACHABLE,
        "the worker was not ready within "
            + timeout.toSeconds()
            + " s; log "
            + log
            + ":\n"
            + tail(log));
  }

  /** The log's lines; a half-written character at the end decodes leniently. */
  private static List<String> lines(Path log) throws IOException {
    return List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\\R"));
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = lines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  /** The worker process's id (for operators, and for tests that kill it as a crash would). */
  long pid() {
    return process.pid();
  }

  /** Waits until the worker process ends (for {@code bunsui worker}). */
  int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  @Override
  public void close() {
    stop(process);
  }

  private static void stop(Process process) {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  /** The project folder: {@code bunsui.home} (set by the launcher), else the working folder. */
  static Path home() {
    return Path.of(System.getProperty("bunsui.home", ".")).toAbsolutePath().normalize();
  }

  static Path workerJar() {
    String configured = System.getProperty("bunsui.workerJar");
    Path jar =
        configured != null
            ? Path.of(configured)
            : home().resolve("worker-app/target/bunsui-worker.jar");
    if (!Files.isRegularFile(jar)) {
      throw new CliException(
          ExitCodes.UNREACHABLE,
          "the worker jar "
              + jar
              + " is missing; build it with ./mvnw -DskipTests package (./bunsui does this on first use)");
    }
    return jar;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.RUN_FAILED, "interrupted");
    }
  }
}

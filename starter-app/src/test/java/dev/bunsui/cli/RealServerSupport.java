package dev.bunsui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;

/** What the integration tests against the real dev server share: workers, the CLI, manifests. */
final class RealServerSupport {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path ROOT =
      Path.of(System.getProperty("bunsui.projectRoot", "..")).toAbsolutePath().normalize();
  static final Path SAMPLE = ROOT.resolve("samples/durable-pipelines");

  private RealServerSupport() {}

  /** A CLI command's exit code and output. */
  record Run(int code, String out, String err) {
    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + out + "\nstderr: " + err, e);
      }
    }
  }

  /** Runs the bunsui CLI in this JVM. */
  static Run cli(String... args) {
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    CommandLine cli = BunsuiCli.commandLine();
    cli.setOut(new PrintWriter(stdout));
    cli.setErr(new PrintWriter(stderr));
    int code = cli.execute(args);
    return new Run(code, stdout.toString(), stderr.toString());
  }

  /**
   * Starts a worker process against {@code target} using the OpenAI provider at the fake server.
   *
   * @param store the worker's artifact store (its step cache lives there)
   * @param faults activity types the fault switch fails; none when empty
   */
  static EmbeddedWorker worker(String target, Path store, FakeLlmServer llm, String... faults) {
    List<String> extra = new ArrayList<>();
    extra.add("--bunsui.llm.providers.openai.api-key=sk-fake-for-tests");
    if (faults.length > 0) {
      extra.add("--bunsui.faults.fail-activities=" + String.join(",", faults));
    }
    return worker(target, store, llm, java.util.Map.of(), extra);
  }

  /**
   * Starts a worker process against {@code target} using the OpenAI provider at the fake server,
   * with extra environment variables (secrets such as {@code OPENAI_API_KEY} and {@code
   * BUNSUI_CODEC_KEYS} belong there, not on the command line) and extra worker arguments.
   */
  static EmbeddedWorker worker(
      String target,
      Path store,
      FakeLlmServer llm,
      java.util.Map<String, String> env,
      List<String> extraArgs) {
    List<String> args = new ArrayList<>();
    args.add("--bunsui.llm.providers.openai.base-url=" + llm.baseUrl());
    args.addAll(extraArgs);
    return workerProcess(target, store, env, args);
  }

  /**
   * Starts a worker process against {@code target} with more settings.
   *
   * @param store the worker's artifact store (its step cache and post ledger live there)
   * @param settings worker arguments such as {@code --bunsui.channels.x.base-url=…}
   */
  static EmbeddedWorker worker(String target, Path store, List<String> settings) {
    return workerProcess(target, store, java.util.Map.of(), settings);
  }

  /** Starts a worker process with environment variables and worker arguments. */
  private static EmbeddedWorker workerProcess(
      String target, Path store, java.util.Map<String, String> env, List<String> extraArgs) {
    System.setProperty("bunsui.home", ROOT.toString());
    System.setProperty(
        "bunsui.workerJar", ROOT.resolve("worker-app/target/bunsui-worker.jar").toString());
    List<String> args = new ArrayList<>();
    args.add("--spring.temporal.connection.target=" + target);
    args.add("--bunsui.store.root=" + store);
    args.addAll(extraArgs);
    return EmbeddedWorker.start(
        false, args, env, ROOT.resolve("starter-app/target/it-logs"), Duration.ofSeconds(180));
  }

  /** Runs the sample book with the OpenAI provider, articles and figures only. */
  static Run runBook(String target, String workflowId) {
    return cli(
        "pipeline",
        "run",
        "book",
        "--source",
        SAMPLE.toString(),
        "--kinds",
        "ARTICLE,FIGURES",
        "--provider",
        "openai",
        "--workflow-id",
        workflowId,
        "--target",
        target,
        "--format",
        "json");
  }

  /**
   * The outputs of a finished book as {@code kind chapter section sha256} lines, from its
   * manifest.json in {@code store}.
   */
  static Set<String> manifestOutputs(Path store) throws IOException {
    Path books = store.resolve("books");
    Path manifest;
    try (var dirs = Files.list(books)) {
      manifest = dirs.findFirst().orElseThrow().resolve("manifest.json");
    }
    Set<String> out = new TreeSet<>();
    for (JsonNode o : JSON.readTree(manifest.toFile()).path("outputs")) {
      out.add(
          o.path("kind").asText()
              + " "
              + o.path("chapter").asText()
              + " "
              + o.path("section").asText()
              + " "
              + o.path("sha256").asText());
    }
    assertThat(out).isNotEmpty();
    return out;
  }

  /** Polls until the condition holds. */
  static void await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(500);
    }
  }
}

package dev.bunsui.cli;

import static dev.bunsui.cli.RealServerSupport.cli;
import static dev.bunsui.cli.RealServerSupport.manifestOutputs;
import static dev.bunsui.cli.RealServerSupport.runBook;
import static dev.bunsui.cli.RealServerSupport.worker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bunsui.cli.RealServerSupport.Run;
import dev.bunsui.cli.it.TemporalDevServerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker killed with SIGKILL in the middle of a book run, then a new worker: the run completes on
 * the real dev server, and its outputs (the manifest's hashes) are identical to an uninterrupted
 * run's.
 */
class WorkerCrashIT {
  @RegisterExtension
  static final TemporalDevServerExtension SERVER = new TemporalDevServerExtension();

  @TempDir static Path work;
  static FakeLlmServer llm;

  @BeforeAll
  static void startLlm() throws Exception {
    llm = new FakeLlmServer();
  }

  @AfterAll
  static void stopLlm() {
    llm.close();
  }

  @Test
  void aRunSurvivesAKilledWorkerWithIdenticalOutputs() throws Exception {
    Path baselineStore = work.resolve("baseline");
    try (EmbeddedWorker w = worker(SERVER.target(), baselineStore, llm)) {
      Run run = runBook(SERVER.target(), "book-it-baseline");
      assertThat(run.code()).as(run.err()).isZero();
    }
    Set<String> expected = manifestOutputs(baselineStore);

    Path store = work.resolve("killed");
    llm.reset();
    llm.delay(Duration.ofMillis(1500));
    EmbeddedWorker first = worker(SERVER.target(), store, llm);
    // a thread of its own: the SDK completes its futures on the common pool, which has a single
    // thread on a two-core machine
    ExecutorService cliThread = Executors.newSingleThreadExecutor();
    Future<Run> run = cliThread.submit(() -> runBook(SERVER.target(), "book-it-killed"));
    RealServerSupport.await(
        "the run to be in the middle of its LLM calls",
        Duration.ofSeconds(120),
        () -> llm.total() >= 3);
    assertThat(run.isDone()).as("run finished before the kill").isFalse();
    long pid = first.pid();
    Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(pid)).inheritIO().start();
    assertThat(kill.waitFor()).as("kill -KILL " + pid).isZero();
    RealServerSupport.await(
        "the killed worker to be gone",
        Duration.ofSeconds(30),
        () -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
    first.close();
    int callsAtKill = llm.total();

    llm.delay(Duration.ZERO);
    try (EmbeddedWorker second = worker(SERVER.target(), store, llm)) {
      Run finished;
      try {
        finished = run.get(3, TimeUnit.MINUTES);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError(
            "the run did not finish after the new worker started; pending work:\n"
                + SERVER.temporal("workflow", "describe", "--workflow-id", "book-it-killed")
                + SERVER.temporal("workflow", "list", "--query", "ExecutionStatus='Running'"),
            e);
      }
      assertThat(finished.code()).as(finished.err()).isZero();
    }
    assertThat(llm.total())
        .as("the new worker made the remaining calls")
        .isGreaterThan(callsAtKill);
    assertThat(manifestOutputs(store)).isEqualTo(expected);

    cliThread.shutdown();
    Run jobs = cli("job", "list", "--session-id", "book-it-killed", "--target", SERVER.target());
    assertThat(jobs.code()).as(jobs.err()).isZero();
    assertThat(jobs.json().path("status").asText()).isEqualTo("completed");
  }
}

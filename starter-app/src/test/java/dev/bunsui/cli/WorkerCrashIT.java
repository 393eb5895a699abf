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
import java.util.concurrent.CompletableFuture;
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
    CompletableFuture<Run> run =
        CompletableFuture.supplyAsync(() -> runBook(SERVER.target(), "book-it-killed"));
    RealServerSupport.await(
        "the run to be in the middle of its LLM calls", Duration.ofSeconds(120), () -> llm.total() >= 3);
    assertThat(run).isNotDone();
    ProcessHandle handle = ProcessHandle.of(first.pid()).orElseThrow();
    assertThat(handle.destroyForcibly()).as("SIGKILL sent").isTrue();
    handle.onExit().get(30, TimeUnit.SECONDS);
    first.close();
    int callsAtKill = llm.total();

    llm.delay(Duration.ZERO);
    try (EmbeddedWorker second = worker(SERVER.target(), store, llm)) {
      Run finished = run.get(5, TimeUnit.MINUTES);
      assertThat(finished.code()).as(finished.err()).isZero();
    }
    assertThat(llm.total()).as("the new worker made the remaining calls").isGreaterThan(callsAtKill);
    assertThat(manifestOutputs(store)).isEqualTo(expected);

    Run jobs = cli("job", "list", "--session-id", "book-it-killed", "--target", SERVER.target());
    assertThat(jobs.code()).as(jobs.err()).isZero();
    assertThat(jobs.json().path("status").asText()).isEqualTo("completed");
  }
}

package dev.bunsui.cli;

import static dev.bunsui.cli.RealServerSupport.manifestOutputs;
import static dev.bunsui.cli.RealServerSupport.runBook;
import static dev.bunsui.cli.RealServerSupport.worker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bunsui.cli.RealServerSupport.Run;
import dev.bunsui.cli.it.TemporalDevServerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two worker processes on the same task queues (and the same artifact store) share one book run on
 * the real dev server: the run's histories record activities started by each of them (the worker
 * identity, {@code <pid>@<host>}, of every ActivityTaskStarted event).
 */
class TwoWorkersIT {
  @RegisterExtension
  static final TemporalDevServerExtension SERVER = new TemporalDevServerExtension();

  @TempDir static Path work;

  @Test
  void twoWorkersShareABookRun() throws Exception {
    Path store = work.resolve("out");
    // two LLM slots per worker and slow answers: one worker alone cannot take every LLM task
    Map<String, String> env = Map.of("BUNSUI_LLM_CONCURRENCY", "2");
    List<String> args = List.of("--bunsui.llm.providers.openai.api-key=sk-fake-for-tests");
    ExecutorService starter = Executors.newFixedThreadPool(2);
    try (FakeLlmServer llm = new FakeLlmServer()) {
      llm.delay(Duration.ofMillis(400));
      Future<EmbeddedWorker> a =
          starter.submit(() -> worker(SERVER.target(), store, llm, env, args));
      Future<EmbeddedWorker> b =
          starter.submit(() -> worker(SERVER.target(), store, llm, env, args));
      try (EmbeddedWorker first = a.get(4, TimeUnit.MINUTES);
          EmbeddedWorker second = b.get(4, TimeUnit.MINUTES)) {
        Run run = runBook(SERVER.target(), "book-it-two-workers");
        assertThat(run.code()).as(run.err()).isZero();

        Map<String, Integer> workers =
            RawHistories.activityWorkers(RawHistories.of(SERVER.target(), "book-it-two-workers"));
        assertThat(workers).as("activity executions per worker identity").hasSize(2);
        assertThat(workers.keySet())
            .anyMatch(id -> id.startsWith(first.pid() + "@"))
            .anyMatch(id -> id.startsWith(second.pid() + "@"));
        assertThat(workers.values()).allMatch(n -> n >= 2);
        assertThat(llm.total()).isGreaterThanOrEqualTo(4);
      }
      assertThat(manifestOutputs(store)).isNotEmpty();
    } finally {
      starter.shutdownNow();
    }
  }
}

package dev.bunsui.cli;

import static dev.bunsui.cli.RealServerSupport.SAMPLE;
import static dev.bunsui.cli.RealServerSupport.cli;
import static dev.bunsui.cli.RealServerSupport.worker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bunsui.cli.RealServerSupport.Run;
import dev.bunsui.cli.it.TemporalDevServerExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LLM task queue's server-side rate limit ({@code BUNSUI_LLM_RATE}, i.e. {@code
 * rate-limits.max-task-queue-activities-per-second} of {@code bunsui-llm}) holds on the real dev
 * server, measured where it matters: at the (fake) LLM provider.
 *
 * <p>Limit N = 2 per second, with 8 LLM slots in the worker and an instant fake provider: without
 * the limit the run's 20-odd LLM requests arrive within a second or two, which fails both checks
 * below. Tolerance: the Temporal server's task queue limiter is a token bucket (rate N, burst up to
 * N), which hands out at most burst + N·w tasks in any window of w seconds, so 2N per 1-second
 * window at dispatch; requests reach the provider after a varying dispatch-to-request latency,
 * which can squeeze one more into a 1-second window at the provider, hence at most 2N + 1 = 5. Over
 * the whole run the count must stay within N per second plus one burst of N (a typical run: 20
 * requests in about 12 s, at most 4 in one second).
 */
class LlmRateLimitIT {
  @RegisterExtension
  static final TemporalDevServerExtension SERVER = new TemporalDevServerExtension();

  static final int N = 2;

  @TempDir static Path work;

  @Test
  void llmRequestsNeverExceedTheTaskQueueRateLimit() throws Exception {
    Map<String, String> env =
        Map.of("BUNSUI_LLM_RATE", Integer.toString(N), "BUNSUI_LLM_CONCURRENCY", "8");
    try (FakeLlmServer llm = new FakeLlmServer();
        EmbeddedWorker w =
            worker(
                SERVER.target(),
                work.resolve("out"),
                llm,
                env,
                List.of("--bunsui.llm.providers.openai.api-key=sk-fake-for-tests"))) {
      Run run =
          cli(
              "pipeline",
              "run",
              "book",
              "--source",
              SAMPLE.toString(),
              "--kinds",
              "ARTICLE,VIDEO_SCRIPT,DESCRIPTION",
              "--provider",
              "openai",
              "--workflow-id",
              "book-it-rate-limit",
              "--target",
              SERVER.target(),
              "--format",
              "json");
      assertThat(run.code()).as(run.err()).isZero();

      List<Long> arrivals = llm.arrivalMillis().stream().sorted().toList();
      assertThat(arrivals).as("enough LLM requests to exercise the limit").hasSizeGreaterThan(12);
      int max = maxInAnyWindow(arrivals, 1000);
      double seconds = (arrivals.getLast() - arrivals.getFirst()) / 1000.0;
      String report =
          arrivals.size() + " requests in " + seconds + " s, at most " + max + " in one second";
      System.out.println("LlmRateLimitIT: " + report);
      assertThat(max).as(report).isLessThanOrEqualTo(2 * N + 1);
      // the whole run: no more than N per second after the initial burst of at most N
      assertThat(arrivals.size() - N)
          .as(report)
          .isLessThanOrEqualTo((int) Math.ceil(N * seconds) + 1);
    }
  }

  /** The largest number of arrivals in any window [t, t + width) starting at an arrival. */
  static int maxInAnyWindow(List<Long> sorted, long width) {
    int max = 0;
    int j = 0;
    for (int i = 0; i < sorted.size(); i++) {
      while (j < sorted.size() && sorted.get(j) < sorted.get(i) + width) {
        j++;
      }
      max = Math.max(max, j - i);
    }
    return max;
  }
}

package dev.bunsui.pipeline;

import static dev.bunsui.pipeline.PipelineTestSupport.definition;
import static dev.bunsui.pipeline.PipelineTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.common.RetryOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pure parts of the interpreter: dependencies, fallbacks, wait times and retry options. */
class StepGraphTest {

  @Test
  void dependenciesComeFromDependsOnAndFromEveryJsonPathToAStep() {
    StepGraph g = StepGraph.of(definition(PipelineTestSupport.MIX));

    assertThat(g.dependencies("creatives")).isEmpty();
    assertThat(g.dependencies("score")).containsExactly("creatives");
    // the fallback reads the failed step's reason: an implicit dependency on its primary
    assertThat(g.dependencies("score_simple")).containsExactly("creatives", "score");
    assertThat(g.dependencies("announce")).containsExactly("score");
    assertThat(g.dependencies("teaser")).containsExactly("plan");
    assertThat(g.dependencies("follow_up")).containsExactly("teaser");
    assertThat(g.isFallback("score_simple")).isTrue();
    assertThat(g.isFallback("announce_backup")).isTrue();
    assertThat(g.isFallback("score")).isFalse();
    assertThat(g.primaries("score_simple")).containsExactly("score");
  }

  @Test
  void conditionsForEachAndWaitUntilAddDependenciesToo() {
    StepGraph g =
        StepGraph.of(
            definition(
                """
                id: deps
                steps:
                  - {id: a, tool: ai_creative_studio}
                  - {id: b, tool: book_posts}
                  - {id: c, tool: realtime_ad_optimizer}
                  - id: d
                    tool: auto_posting
                    condition: $.steps.a.output.ok == true && $.input.go
                    for_each: "$['steps']['b'].output.posts"
                    wait_until: $.steps.c.output.at
                    depends_on: [d, nope]
                """));

    // self-references and unknown ids are left to the definition validator
    assertThat(g.dependencies("d")).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void waitTimesAreIsoInstantsWrittenOrFoundByJsonPath() throws Exception {
    var ctx = json("{\"input\": {\"at\": \"2026-05-01T09:00:00+09:00\", \"n\": 5}}");

    assertThat(WaitTimes.resolve(null, ctx)).isNull();
    assertThat(WaitTimes.resolve("$.input.missing", ctx)).isNull();
    assertThat(WaitTimes.resolve("2026-05-01T00:00:00Z", ctx)).isEqualTo(1777593600000L);
    assertThat(WaitTimes.resolve("$.input.at", ctx)).isEqualTo(1777593600000L);
    assertThatThrownBy(() -> WaitTimes.resolve("$.input.n", ctx))
        .hasMessageContaining("wait_until $.input.n is 5, not an ISO-8601 instant");
    assertThatThrownBy(() -> WaitTimes.resolve("tomorrow", ctx))
        .hasMessageContaining("'tomorrow' is not an ISO-8601 instant");
  }

  @Test
  void retrySpecsMapOntoTemporalRetryOptionsWithTheProjectsNonRetryableCodes() {
    RetryOptions defaults = ToolCalls.retry(null);
    assertThat(defaults.getMaximumAttempts()).isEqualTo(3);
    assertThat(defaults.getInitialInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(defaults.getBackoffCoefficient()).isEqualTo(2.0);
    assertThat(defaults.getMaximumInterval()).isEqualTo(Duration.ofSeconds(100));
    assertThat(defaults.getDoNotRetry())
        .contains("LLM_AUTH", "INPUT_INVALID", "POST_REJECTED", "FAULT_INJECTED")
        .doesNotContain("LLM_RATE_LIMIT", "STORE_IO");

    RetryOptions custom = ToolCalls.retry(new RetrySpec(5, "5s", 3.0, "1m"));
    assertThat(custom.getMaximumAttempts()).isEqualTo(5);
    assertThat(custom.getInitialInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(custom.getBackoffCoefficient()).isEqualTo(3.0);
    assertThat(custom.getMaximumInterval()).isEqualTo(Duration.ofMinutes(1));

    // 0 attempts would mean "unlimited" to Temporal: a definition gets at least one
    assertThat(ToolCalls.retry(new RetrySpec(0, null, null, null)).getMaximumAttempts())
        .isEqualTo(1);
    assertThatThrownBy(() -> ToolCalls.retry(new RetrySpec(2, "soon", null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'soon' is not a duration");
  }
}

package dev.bunsui.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import io.temporal.failure.ApplicationFailure;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmErrorsTest {
  private final Clock clock = Clock.fixed(Instant.parse("2015-10-21T07:27:50Z"), ZoneOffset.UTC);

  @Test
  void retryAfterAcceptsSecondsAndHttpDates() {
    assertThat(RetryAfter.parse("7", clock)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", clock))
        .contains(Duration.ofSeconds(10));
    assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", clock)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("soon", clock)).isEmpty();
    assertThat(RetryAfter.parseMillis("1500.5")).contains(Duration.ofMillis(1501));
  }

  @Test
  void rateLimitWrappedByLangChain4jKeepsHttpDateDelay() {
    StatusHttpException http =
        new StatusHttpException(
            429, "slow down", Map.of("Retry-After", List.of("Wed, 21 Oct 2015 07:28:00 GMT")));
    ApplicationFailure f = LlmErrors.map("anthropic", new RateLimitException(http), clock);
    assertThat(f.getType()).isEqualTo("LLM_RATE_LIMIT");
    assertThat(f.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void timeoutsAndConnectionErrorsAreUnavailable() {
    assertThat(LlmErrors.map("ollama", new TimeoutException("read timed out"), clock).getType())
        .isEqualTo("LLM_UNAVAILABLE");
    ApplicationFailure f =
        LlmErrors.map(
            "ollama",
            new RuntimeException(new java.io.UncheckedIOException(new ConnectException("refused"))),
            clock);
    assertThat(f.getType()).isEqualTo("LLM_UNAVAILABLE");
    assertThat(f.isNonRetryable()).isFalse();
    assertThat(LlmErrors.map("openai", new StatusHttpException(408, "", Map.of()), clock).getType())
        .isEqualTo("LLM_UNAVAILABLE");
    assertThat(
            LlmErrors.map("anthropic", new StatusHttpException(403, "", Map.of()), clock)
                .getOriginalMessage())
        .contains("ANTHROPIC_API_KEY");
  }

  @Test
  void providerSettingsNeverPrintTheKey() {
    ProviderSettings s =
        new ProviderSettings("https://api.openai.com/v1", "sk-secret", "gpt", null, null);
    assertThat(s.toString()).doesNotContain("sk-secret").contains("apiKey=***", "gpt");
  }

  @Test
  void missingKeyFailsBeforeAnyCall() {
    ChatProviders factory = new ChatProviders(name -> null, clock);
    ApplicationFailure f =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ApplicationFailure.class, () -> factory.create("openai", ProviderSettings.defaults()));
    assertThat(f.getType()).isEqualTo("LLM_AUTH");
    assertThat(f.getOriginalMessage()).contains("OPENAI_API_KEY");
  }
}

package dev.bunsui.llm;

import dev.bunsui.failure.ErrorCode;
import dev.bunsui.support.Failures;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Maps what a LangChain4j call throws to the {@link ErrorCode} taxonomy:
 *
 * <ul>
 *   <li>429 → {@code LLM_RATE_LIMIT}, retryable, next delay from {@code Retry-After} (seconds or
 *       HTTP-date) or {@code retry-after-ms};
 *   <li>408, 5xx, timeouts, connection failures → {@code LLM_UNAVAILABLE}, retryable;
 *   <li>401/403 → {@code LLM_AUTH}, not retryable, naming the key setting to fix;
 *   <li>400, 404 and other 4xx → {@code LLM_BAD_REQUEST}, not retryable.
 * </ul>
 *
 * The HTTP status and headers come from a {@link StatusHttpException} in the cause chain (thrown by
 * {@link HeaderKeepingHttpClient}); without one the LangChain4j exception type decides.
 */
public final class LlmErrors {
  private static final int BODY_EXCERPT = 300;

  private LlmErrors() {}

  /**
   * Classifies a failed provider call.
   *
   * @param provider provider name, used in messages ({@code openai} …)
   * @param error what the call threw
   * @param clock clock for HTTP-date {@code Retry-After} values
   * @return the failure to throw from the activity
   */
  public static ApplicationFailure map(String provider, Throwable error, Clock clock) {
    if (error instanceof ApplicationFailure af) {
      return af;
    }
    String label = label(provider);
    HttpException http = find(error, HttpException.class);
    if (http != null) {
      return fromStatus(provider, label, http, error, clock);
    }
    String detail = rootMessage(error);
    if (has(error, RateLimitException.class)) {
      return Failures.of(ErrorCode.LLM_RATE_LIMIT, label + " rate limit reached: " + detail, error);
    }
    if (has(error, AuthenticationException.class)) {
      return Failures.of(ErrorCode.LLM_AUTH, authMessage(provider, label, 401), error);
    }
    if (has(error, InvalidRequestException.class) || has(error, ModelNotFoundException.class)) {
      return Failures.of(
          ErrorCode.LLM_BAD_REQUEST, label + " rejected the request: " + detail, error);
    }
    if (has(error, TimeoutException.class)
        || has(error, InternalServerException.class)
        || has(error, UnresolvedModelServerException.class)
        || has(error, IOException.class)
        || has(error, UncheckedIOException.class)
        || has(error, RetriableException.class)) {
      return Failures.of(
          ErrorCode.LLM_UNAVAILABLE, label + " is unavailable or timed out: " + detail, error);
    }
    return Failures.of(ErrorCode.INTERNAL, label + " call failed unexpectedly: " + detail, error);
  }

  private static ApplicationFailure fromStatus(
      String provider, String label, HttpException http, Throwable error, Clock clock) {
    int status = http.statusCode();
    String body = excerpt(http.getMessage());
    if (status == 429) {
      Duration delay = null;
      if (http instanceof StatusHttpException s) {
        delay =
            s.header("retry-after")
                .flatMap(v -> RetryAfter.parse(v, clock))
                .or(() -> s.header("retry-after-ms").flatMap(RetryAfter::parseMillis))
                .orElse(null);
      }
      String when =
          delay == null ? "" : " (server asks to retry after " + delay.toSeconds() + " s)";
      return Failures.retryAfter(
          ErrorCode.LLM_RATE_LIMIT,
          label + " rate limit reached (HTTP 429)" + when + ": " + body,
          delay,
          error);
    }
    if (status == 401 || status == 403) {
      return Failures.of(ErrorCode.LLM_AUTH, authMessage(provider, label, status), error);
    }
    if (status == 408 || status >= 500) {
      return Failures.of(
          ErrorCode.LLM_UNAVAILABLE,
          label + " is unavailable (HTTP " + status + "): " + body,
          error);
    }
    if (status == 404) {
      return Failures.of(
          ErrorCode.LLM_BAD_REQUEST,
          label
              + " answered HTTP 404: check bunsui.llm.providers."
              + provider
              + ".model and .base-url: "
              + body,
          error);
    }
    return Failures.of(
        ErrorCode.LLM_BAD_REQUEST,
        label + " rejected the request (HTTP " + status + "): " + body,
        error);
  }

  /** Message for a refused or missing key, naming the environment variable and property. */
  static String authMessage(String provider, String label, int status) {
    String env = envVariable(provider);
    String fix =
        env == null
            ? "check bunsui.llm.providers." + provider + ".api-key"
            : "set " + env + " or bunsui.llm.providers." + provider + ".api-key";
    return label + " rejected the API key (HTTP " + status + "): " + fix;
  }

  /** Environment variable holding a provider's key, or null when it needs none. */
  static String envVariable(String provider) {
    return switch (provider) {
      case "openai" -> "OPENAI_API_KEY";
      case "anthropic" -> "ANTHROPIC_API_KEY";
      default -> null;
    };
  }

  static String label(String provider) {
    return switch (provider) {
      case "openai" -> "OpenAI";
      case "anthropic" -> "Anthropic";
      case "ollama" -> "Ollama";
      default -> provider;
    };
  }

  private static String excerpt(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip().replaceAll("\\s+", " ");
    return t.length() <= BODY_EXCERPT ? t : t.substring(0, BODY_EXCERPT) + "…";
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return excerpt(Optional.ofNullable(root.getMessage()).orElse(root.getClass().getSimpleName()));
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  private static boolean has(Throwable t, Class<? extends Throwable> type) {
    return find(t, type) != null;
  }
}

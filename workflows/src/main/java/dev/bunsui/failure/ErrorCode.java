package dev.bunsui.failure;

import java.util.Set;

/**
 * The error taxonomy. Activities throw {@code io.temporal.failure.ApplicationFailure} whose type is
 * the {@link #name()} of one of these codes, so workflows, the CLI and the Temporal Web UI all see
 * the same word.
 */
public enum ErrorCode {
  /** The LLM provider throttled the call (HTTP 429); retried after the server's delay. */
  LLM_RATE_LIMIT(true),
  /** The LLM provider refused the credentials (HTTP 401/403); fix the key, not retried. */
  LLM_AUTH(false),
  /** The LLM provider rejected the request as malformed (HTTP 400); not retried. */
  LLM_BAD_REQUEST(false),
  /** The LLM answered with output that failed validation (schema, length). */
  LLM_BAD_OUTPUT(false),
  /** The LLM provider was unreachable, timed out or answered 408/5xx; retried. */
  LLM_UNAVAILABLE(true),
  /** The book input is unusable (missing, binary, too large, escapes the book folder …). */
  INPUT_INVALID(false),
  /** A figure could not be rendered (broken SVG, Mermaid failure, renderer missing). */
  FIGURE_RENDER(false),
  /** The artifact store could not be read or written; retried. */
  STORE_IO(true),
  /**
   * The artifact store is misconfigured: the S3 bucket does not exist, the region or endpoint is
   * wrong, or the endpoint does not implement a request. Fix {@code bunsui.store.*}; not retried.
   */
  STORE_CONFIG(false),
  /**
   * The artifact store refused the credentials or the bucket policy denies the request (S3 HTTP
   * 403). Fix the credentials or the policy; not retried.
   */
  STORE_ACCESS_DENIED(false),
  /**
   * A fault switched on in the worker's configuration ({@code bunsui.faults.fail-activities}) made
   * the step fail on purpose; remove the switch, restart the worker and rerun. Not retried.
   */
  FAULT_INJECTED(false),
  /**
   * A posting channel rejected a post (HTTP 4xx other than 408/429, or the channel is not
   * configured); the message carries the channel's answer. Not retried.
   */
  POST_REJECTED(false),
  /**
   * A posting channel was throttled (HTTP 429), unavailable (HTTP 408/5xx) or unreachable; retried,
   * after the channel's {@code Retry-After} when it sends one.
   */
  POST_UNAVAILABLE(true),
  /**
   * An earlier attempt may or may not have posted (it was cut off after the pending record was
   * written) and the channel offers no way to ask (Slack incoming webhooks, plain webhooks that do
   * not honour {@code Idempotency-Key}). Not retried, so a post is never sent twice: look at the
   * channel, then either record the post or start a new run.
   */
  POST_OUTCOME_UNKNOWN(false),
  /** Anything unclassified: a bug or an unexpected state. */
  INTERNAL(true);

  /**
   * Codes whose failure skips one item (section or figure) with its reason while the book goes on;
   * every other failure fails the step after Temporal's retries.
   */
  public static final Set<ErrorCode> SKIPPABLE =
      Set.of(INPUT_INVALID, LLM_BAD_OUTPUT, FIGURE_RENDER);

  private final boolean retryable;

  ErrorCode(boolean retryable) {
    this.retryable = retryable;
  }

  /** Whether Temporal should retry an activity that failed with this code. */
  public boolean retryable() {
    return retryable;
  }

  /**
   * Maps an {@code ApplicationFailure} type back to a code.
   *
   * @param type the failure type; may be null or unknown
   * @return the matching code, or {@link #INTERNAL} when there is none
   */
  public static ErrorCode fromType(String type) {
    if (type == null) {
      return INTERNAL;
    }
    for (ErrorCode c : values()) {
      if (c.name().equals(type)) {
        return c;
      }
    }
    return INTERNAL;
  }
}

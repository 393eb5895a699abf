package dev.bunsui.posting;

import java.time.Duration;

/**
 * A channel call failed.
 *
 * <p>{@code rejected}: the channel refused the post (HTTP 4xx other than 408/429); not retried.
 * Otherwise the channel was throttled or unavailable and the call is retried. {@code notPosted}
 * tells whether the post certainly did not happen (a 4xx or 429 answer, a refused connection): the
 * ledger then forgets the attempt; when false (a timeout, a 5xx, a dropped connection) the outcome
 * is unknown and the pending record stays, so the next attempt asks the channel first.
 */
public class ChannelException extends RuntimeException {
  private final boolean rejected;
  private final boolean notPosted;
  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param message what the channel said, naming the channel
   * @param rejected whether the channel refused the post
   * @param notPosted whether the post certainly did not happen
   * @param retryAfter the channel's {@code Retry-After}, or null
   * @param cause the underlying exception, or null
   */
  public ChannelException(
      String message, boolean rejected, boolean notPosted, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.rejected = rejected;
    this.notPosted = notPosted;
    this.retryAfter = retryAfter;
  }

  /** A refusal: not retried, nothing posted. */
  public static ChannelException rejected(String message) {
    return new ChannelException(message, true, true, null, null);
  }

  /** Whether the channel refused the post. */
  public boolean rejected() {
    return rejected;
  }

  /** Whether the post certainly did not happen. */
  public boolean notPosted() {
    return notPosted;
  }

  /** The delay the channel asked for, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}

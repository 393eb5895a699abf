package dev.bunsui.store;

import dev.bunsui.failure.ErrorCode;
import java.util.Objects;

/**
 * The artifact store could not read or write; the message names the key and the reason. The {@link
 * #code()} says whether retrying can help: {@link ErrorCode#STORE_IO} (retried) for I/O and server
 * faults, {@link ErrorCode#STORE_CONFIG} or {@link ErrorCode#STORE_ACCESS_DENIED} (not retried)
 * when only a change of configuration or credentials fixes it.
 */
public class StoreException extends RuntimeException {
  private final ErrorCode code;

  /**
   * Creates a retryable {@link ErrorCode#STORE_IO} exception with a message naming key and reason.
   */
  public StoreException(String message, Throwable cause) {
    this(ErrorCode.STORE_IO, message, cause);
  }

  /**
   * Creates a retryable {@link ErrorCode#STORE_IO} exception with a message naming key and reason.
   */
  public StoreException(String message) {
    this(ErrorCode.STORE_IO, message, null);
  }

  /**
   * Creates the exception with its classification.
   *
   * @param code {@code STORE_IO}, {@code STORE_CONFIG} or {@code STORE_ACCESS_DENIED}
   * @param message what failed, naming the key (and for S3 bucket and endpoint) and the reason
   * @param cause the underlying exception, or null
   */
  public StoreException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The error code activities fail with; decides whether Temporal retries. */
  public ErrorCode code() {
    return code;
  }
}

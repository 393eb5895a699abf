package dev.bunsui.cli.dev;

/**
 * The Temporal dev server could not be found, started or reached. The message says what is missing
 * or what went wrong and, where the server printed something, quotes its log's last lines.
 */
public class DevServerException extends RuntimeException {
  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public DevServerException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened and what to do
   * @param cause the underlying failure
   */
  public DevServerException(String message, Throwable cause) {
    super(message, cause);
  }
}

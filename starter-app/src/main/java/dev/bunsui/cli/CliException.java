package dev.bunsui.cli;

/** A failure the CLI reports as one line on stderr with a documented exit code. */
public class CliException extends RuntimeException {
  private final int exitCode;

  /**
   * Creates the exception.
   *
   * @param exitCode one of {@link ExitCodes}
   * @param message what happened and what to do
   */
  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** The exit code to end with. */
  public int exitCode() {
    return exitCode;
  }
}

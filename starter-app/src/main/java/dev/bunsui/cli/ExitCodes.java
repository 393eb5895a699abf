package dev.bunsui.cli;

/** The CLI's documented exit codes. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;

  /** The run (workflow execution) failed, or the command failed unexpectedly. */
  public static final int RUN_FAILED = 1;

  /** The command line was wrong (picocli's own code). */
  public static final int USAGE = 2;

  /** No Temporal server could be reached and none could be started. */
  public static final int UNREACHABLE = 3;

  /** The session (workflow execution) does not exist. */
  public static final int NOT_FOUND = 4;

  /** The session is still running, so it has no result yet. */
  public static final int STILL_RUNNING = 5;

  private ExitCodes() {}
}

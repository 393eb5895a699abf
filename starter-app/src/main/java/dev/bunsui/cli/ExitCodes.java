package dev.bunsui.cli;

/** The CLI's documented exit codes. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;

  /** The run (workflow execution) failed, or the command failed unexpectedly. */
  public static final int RUN_FAILED = 1;

  /**
   * The command line was wrong (picocli's own code), or the guard-rail config or permissions file
   * is missing or malformed.
   */
  public static final int USAGE = 2;

  /** No Temporal server could be reached and none could be started. */
  public static final int UNREACHABLE = 3;

  /** The session (workflow execution) does not exist. */
  public static final int NOT_FOUND = 4;

  /** The session is still running, so it has no result yet. */
  public static final int STILL_RUNNING = 5;

  /** Refused by the guard rails: read-only mode, or the permissions file denies the action. */
  public static final int REFUSED = 6;

  /** The action needs {@code --approved-by} naming one of the actor's approvers. */
  public static final int APPROVAL_REQUIRED = 7;

  private ExitCodes() {}
}

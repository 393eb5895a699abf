package dev.bunsui.cli;

import dev.bunsui.failure.ErrorCode;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Turns a failed run into one message naming the root cause and its error code. */
public final class Failures {
  private Failures() {}

  /**
   * Waits for a run's result.
   *
   * @throws CliException ({@link ExitCodes#RUN_FAILED}) naming the root cause when the run failed
   */
  static <T> T await(CompletableFuture<T> result, String workflowId) throws InterruptedException {
    try {
      return result.get();
    } catch (ExecutionException e) {
      throw new CliException(
          ExitCodes.RUN_FAILED, "run " + workflowId + " failed: " + rootCause(e.getCause()));
    }
  }

  /**
   * {@code [CODE] message} of the failure that carries an error code of the taxonomy (the outermost
   * such {@link ApplicationFailure}), else of the deepest Temporal failure.
   */
  public static String rootCause(Throwable t) {
    Throwable deepest = t;
    for (Throwable cur = t; cur != null; cur = cur.getCause()) {
      if (cur instanceof ApplicationFailure app && isErrorCode(app.getType())) {
        return "[" + app.getType() + "] " + app.getOriginalMessage();
      }
      if (cur instanceof TemporalFailure) {
        deepest = cur;
      }
    }
    if (deepest instanceof TemporalFailure tf) {
      return tf.getOriginalMessage();
    }
    if (t instanceof WorkflowFailedException wfe) {
      return wfe.getMessage();
    }
    return String.valueOf(deepest);
  }

  private static boolean isErrorCode(String type) {
    return type != null && ErrorCode.fromType(type).name().equals(type);
  }
}

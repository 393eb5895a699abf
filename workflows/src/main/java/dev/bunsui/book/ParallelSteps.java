package dev.bunsui.book;

import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * How the book workflows run their steps so that they tolerate a Temporal reset.
 *
 * <p>Parallel steps are always awaited to the end before any failure is acted on, so a failure is
 * handled in the run's last workflow task and never while siblings still run (their work is not
 * lost, and no child is terminated by its parent's failure). In a run created by a reset ({@code
 * temporal workflow reset}, {@code bunsui session rerun --strategy reset}) each failed step is
 * tried once more before the run fails: resetting a failed run to its last workflow task ({@code
 * --type LastWorkflowTask}) therefore runs the failed steps again instead of replaying their
 * failure. The retried step starts after the reset point, so the replayed part of the history is
 * unchanged.
 */
final class ParallelSteps {
  private ParallelSteps() {}

  /**
   * Whether this run was created by a reset: its run id differs from the original execution run id
   * that the reset copied from the base run's start event. Asked only when a step has failed, and
   * recorded as a side effect: a replay sees the answer of the run that wrote the history, while a
   * reset re-executes the workflow task that asks and so gets a fresh answer.
   */
  static boolean isResetRun() {
    return Workflow.sideEffect(
        Boolean.class,
        () -> {
          String original = Workflow.getInfo().getOriginalExecutionRunId();
          return original != null
              && !original.isEmpty()
              && !original.equals(Workflow.getInfo().getRunId());
        });
  }

  /**
   * Starts {@code count} steps in parallel, waits for all of them, and in a reset run starts the
   * failed ones once more.
   *
   * @param count number of steps
   * @param start starts step {@code i} (0-based) and returns its promise; called again for a retry
   * @return the completed promises in step order; failed ones hold their failure
   */
  static <T> List<Promise<T>> runAll(int count, IntFunction<Promise<T>> start) {
    List<Promise<T>> promises = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      promises.add(start.apply(i));
    }
    awaitAll(promises);
    if (promises.stream().anyMatch(p -> p.getFailure() != null) && isResetRun()) {
      for (int i = 0; i < count; i++) {
        if (promises.get(i).getFailure() != null) {
          promises.set(i, start.apply(i));
        }
      }
      awaitAll(promises);
    }
    return promises;
  }

  /**
   * Runs one step; in a reset run a failed step is tried once more.
   *
   * @param step the step (an activity or child workflow call)
   * @return its result
   * @throws io.temporal.failure.TemporalFailure the step's failure when it fails (again)
   */
  static <T> T run(Supplier<T> step) {
    try {
      return step.get();
    } catch (io.temporal.failure.TemporalFailure failure) {
      if (!isResetRun()) {
        throw failure;
      }
      return step.get();
    }
  }

  /**
   * The results in step order, or the first failure in step order.
   *
   * @throws RuntimeException the failure of the first failed step
   */
  static <T> List<T> results(List<Promise<T>> promises) {
    List<T> results = new ArrayList<>(promises.size());
    for (Promise<T> p : promises) {
      results.add(p.get());
    }
    return results;
  }

  private static <T> void awaitAll(List<Promise<T>> promises) {
    Workflow.await(() -> promises.stream().allMatch(Promise::isCompleted));
  }
}

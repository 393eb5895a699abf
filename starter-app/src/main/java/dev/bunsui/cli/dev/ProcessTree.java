package dev.bunsui.cli.dev;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a child process together with the processes it started. */
final class ProcessTree {
  private ProcessTree() {}

  /**
   * Asks the process and its descendants to stop (SIGTERM), waits up to {@code grace} for the
   * process, then kills (SIGKILL) whatever of the tree is still running.
   */
  static void stop(Process process, Duration grace) {
    // the descendants must be listed before the parent ends: then they belong to init
    List<ProcessHandle> descendants = process.descendants().toList();
    if (!process.isAlive() && descendants.isEmpty()) {
      return;
    }
    process.destroy();
    descendants.forEach(ProcessHandle::destroy);
    // stopping must finish even on an interrupted thread (a test, or Ctrl-C on a waiting command)
    boolean interrupted = waitUninterruptibly(process, grace);
    if (process.isAlive()) {
      process.destroyForcibly();
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    interrupted |= waitUninterruptibly(process, Duration.ofSeconds(5));
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits up to {@code timeout} for the process; returns whether the thread was interrupted. */
  private static boolean waitUninterruptibly(Process process, Duration timeout) {
    boolean interrupted = Thread.interrupted();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return interrupted;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
  }
}

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
    try {
      process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (process.isAlive()) {
      process.destroyForcibly();
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

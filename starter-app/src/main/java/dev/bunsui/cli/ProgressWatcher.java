package dev.bunsui.cli;

import dev.bunsui.book.BookProgress;
import dev.bunsui.book.BookWorkflow;
import dev.bunsui.book.ChapterProgress;
import dev.bunsui.book.ChapterWorkflow;
import io.temporal.client.WorkflowClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a book run's progress per chapter from the workflows' progress queries: a progress bar on a
 * terminal, one line per change otherwise (logs, CI, agents).
 */
final class ProgressWatcher {
  private final WorkflowClient client;
  private final String workflowId;
  private final PrintWriter err;
  private final Map<Integer, String> lastLine = new HashMap<>();
  private String lastStage = "";

  ProgressWatcher(WorkflowClient client, String workflowId, PrintWriter err) {
    this.client = client;
    this.workflowId = workflowId;
    this.err = err;
  }

  /** Polls progress every second until {@code done} completes (successfully or not). */
  void watchUntil(Future<?> done) throws InterruptedException {
    boolean terminal = GlobalOptions.isTerminal();
    ProgressBar bar = null;
    try {
      while (!done.isDone()) {
        BookProgress progress = poll();
        if (progress != null) {
          List<ChapterProgress> chapters = live(progress.chapters());
          int total = progress.sectionsTotal();
          int finished = chapters.stream().mapToInt(ChapterProgress::sectionsDone).sum();
          if (terminal && total > 0) {
            if (bar == null) {
              bar =
                  new ProgressBarBuilder()
                      .setTaskName("sections")
                      .setInitialMax(total)
                      .setStyle(ProgressBarStyle.ASCII)
                      .setConsumer(new ConsoleProgressBarConsumer(System.err))
                      .build();
            }
            bar.stepTo(finished);
            bar.setExtraMessage(progress.stage() + " " + brief(chapters));
          } else {
            printChanges(progress.stage(), chapters);
          }
        }
        Thread.sleep(1000);
      }
    } finally {
      if (bar != null) {
        bar.close();
      }
    }
  }

  private BookProgress poll() {
    try {
      return client.newWorkflowStub(BookWorkflow.class, workflowId).progress();
    } catch (RuntimeException e) {
      return null; // not started yet, or already closed
    }
  }

  private List<ChapterProgress> live(List<ChapterProgress> chapters) {
    List<ChapterProgress> out = new ArrayList<>();
    for (ChapterProgress c : chapters) {
      if (c.completed()) {
        out.add(c);
        continue;
      }
      try {
        ChapterProgress p =
            client.newWorkflowStub(ChapterWorkflow.class, c.workflowId()).progress();
        out.add(p.sectionsTotal() > 0 ? p : c);
      } catch (RuntimeException e) {
        out.add(c);
      }
    }
    return out;
  }

  private void printChanges(String stage, List<ChapterProgress> chapters) {
    if (!stage.equals(lastStage)) {
      err.println("stage " + stage);
      lastStage = stage;
    }
    for (ChapterProgress c : chapters) {
      String line =
          "chapter "
              + c.number()
              + " "
              + c.title()
              + ": "
              + c.sectionsDone()
              + "/"
              + c.sectionsTotal()
              + " sections"
              + (c.completed() ? " (done)" : "");
      if (!line.equals(lastLine.put(c.number(), line))) {
        err.println(line);
      }
    }
    err.flush();
  }

  private static String brief(List<ChapterProgress> chapters) {
    StringBuilder b = new StringBuilder();
    for (ChapterProgress c : chapters) {
      b.append(" ch")
          .append(c.number())
          .append(' ')
          .append(c.sectionsDone())
          .append('/')
          .append(c.sectionsTotal());
      if (c.completed()) {
        b.append('✓');
      }
    }
    return b.toString();
  }
}

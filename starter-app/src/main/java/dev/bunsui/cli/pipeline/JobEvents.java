package dev.bunsui.cli.pipeline;

import dev.bunsui.book.BookProgress;
import dev.bunsui.book.ChapterProgress;
import dev.bunsui.pipeline.ExecutionRecord;
import dev.bunsui.pipeline.ItemRecord;
import dev.bunsui.pipeline.StepRecord;
import dev.bunsui.pipeline.StepStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Derives {@link JobEvent}s from two successive snapshots of a run. Pure functions: the caller
 * polls ({@code record()} query, book {@code progress()} query) and hands each new snapshot in with
 * the previous one. A step that went from pending to done between two polls gets both its {@code
 * step_started} and its {@code step_completed}, and a step approved between two polls still gets
 * its {@code approval_requested} (with the decision as status); nothing is emitted twice for the
 * same transition.
 */
public final class JobEvents {
  /** Statuses a step or item does not leave. */
  public static final Set<StepStatus> FINAL =
      EnumSet.of(
          StepStatus.SUCCEEDED,
          StepStatus.SKIPPED,
          StepStatus.FAILED,
          StepStatus.NOT_NEEDED,
          StepStatus.CANCELLED);

  private static final Set<StepStatus> ACTIVE =
      EnumSet.of(StepStatus.SCHEDULED, StepStatus.WAITING_APPROVAL, StepStatus.RUNNING);

  private JobEvents() {}

  /**
   * Events between two execution records of a pipeline run.
   *
   * @param jobId the run's workflow id
   * @param before the previous record; null before the first one (then {@code job_started} comes
   *     first and every step counts as pending before)
   * @param after the new record
   * @return the events, in step order; per step: started, approval requested, items completed, step
   *     completed
   */
  public static List<JobEvent> diff(String jobId, ExecutionRecord before, ExecutionRecord after) {
    List<JobEvent> events = new ArrayList<>();
    if (before == null) {
      events.add(JobEvent.of(JobEvent.JOB_STARTED, jobId, null, after.pipelineId()));
    }
    Map<String, StepRecord> previous = new HashMap<>();
    if (before != null && before.steps() != null) {
      before.steps().forEach(s -> previous.put(s.id(), s));
    }
    for (StepRecord now : after.steps() == null ? List.<StepRecord>of() : after.steps()) {
      StepRecord was = previous.get(now.id());
      StepStatus from = was == null ? StepStatus.PENDING : was.status();
      if (from == StepStatus.PENDING && started(now)) {
        events.add(JobEvent.of(JobEvent.STEP_STARTED, jobId, now.id(), null));
      }
      if (approvalRequested(was, now)) {
        events.add(
            new JobEvent(
                JobEvent.APPROVAL_REQUESTED,
                jobId,
                now.id(),
                null,
                now.approval() == null ? "pending" : now.approval().status(),
                null,
                null,
                null,
                waitsForApproval(now) ? approveCommand(jobId, now.id()) : null));
      }
      events.addAll(items(jobId, now, was));
      if (FINAL.contains(now.status()) && !FINAL.contains(from)) {
        events.add(
            new JobEvent(
                JobEvent.STEP_COMPLETED,
                jobId,
                now.id(),
                null,
                name(now.status()),
                now.reason(),
                now.attempts(),
                now.durationMillis(),
                null));
      }
    }
    return events;
  }

  /**
   * Events between two progress snapshots of a book run: chapters are its steps ({@code
   * chapter-N}), sections its items.
   *
   * @param jobId the book run's workflow id
   * @param before the previous progress; null before the first one
   * @param after the new progress
   * @return the events
   */
  public static List<JobEvent> diffBook(String jobId, BookProgress before, BookProgress after) {
    List<JobEvent> events = new ArrayList<>();
    if (before == null) {
      events.add(JobEvent.of(JobEvent.JOB_STARTED, jobId, null, "book"));
    }
    Map<Integer, ChapterProgress> previous = new HashMap<>();
    if (before != null && before.chapters() != null) {
      before.chapters().forEach(c -> previous.put(c.number(), c));
    }
    for (ChapterProgress now :
        after.chapters() == null ? List.<ChapterProgress>of() : after.chapters()) {
      ChapterProgress was = previous.get(now.number());
      String step = "chapter-" + now.number();
      if (was == null) {
        events.add(JobEvent.of(JobEvent.STEP_STARTED, jobId, step, "running"));
      }
      for (int i = was == null ? 0 : was.sectionsDone(); i < now.sectionsDone(); i++) {
        events.add(
            new JobEvent(JobEvent.ITEM_COMPLETED, jobId, step, i, "done", null, null, null, null));
      }
      if (now.completed() && (was == null || !was.completed())) {
        events.add(JobEvent.of(JobEvent.STEP_COMPLETED, jobId, step, "completed"));
      }
    }
    return events;
  }

  /**
   * The approve command for a step: {@code bunsui session approve <id> --job <step>}.
   *
   * @param jobId the run's workflow id
   * @param step the step id
   * @return the command
   */
  public static String approveCommand(String jobId, String step) {
    return "bunsui session approve " + jobId + " --job " + step;
  }

  /** Whether the step waits for an approval decision. */
  public static boolean waitsForApproval(StepRecord step) {
    return step.status() == StepStatus.WAITING_APPROVAL
        || (step.approval() != null && "pending".equals(step.approval().status()));
  }

  /** {@code succeeded}, {@code waiting_approval} …: a status as the events and the API show it. */
  public static String name(StepStatus status) {
    return status == null ? null : status.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether the step asked for approval since {@code was}: it waits now and did not then, or its
   * approval record appeared (a decision taken between two polls still shows its request).
   */
  private static boolean approvalRequested(StepRecord was, StepRecord now) {
    boolean before = was != null && (was.approval() != null || waitsForApproval(was));
    return !before && (now.approval() != null || waitsForApproval(now));
  }

  private static boolean started(StepRecord step) {
    return ACTIVE.contains(step.status())
        || (FINAL.contains(step.status()) && step.startedAtMillis() != null);
  }

  private static List<JobEvent> items(String jobId, StepRecord now, StepRecord was) {
    List<JobEvent> events = new ArrayList<>();
    if (now.items() == null) {
      return events;
    }
    Map<Integer, ItemRecord> previous = new HashMap<>();
    if (was != null && was.items() != null) {
      was.items().forEach(i -> previous.put(i.index(), i));
    }
    for (ItemRecord item : now.items()) {
      ItemRecord prior = previous.get(item.index());
      if (FINAL.contains(item.status()) && (prior == null || !FINAL.contains(prior.status()))) {
        events.add(
            new JobEvent(
                JobEvent.ITEM_COMPLETED,
                jobId,
                now.id(),
                item.index(),
                name(item.status()),
                item.reason(),
                item.attempts(),
                null,
                null));
      }
    }
    return events;
  }
}

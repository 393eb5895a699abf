package dev.bunsui.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.bunsui.book.BookProgress;
import dev.bunsui.book.ChapterProgress;
import dev.bunsui.pipeline.ApprovalRecord;
import dev.bunsui.pipeline.ExecutionRecord;
import dev.bunsui.pipeline.ItemRecord;
import dev.bunsui.pipeline.StepRecord;
import dev.bunsui.pipeline.StepStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events derived from successive execution records and book progress snapshots. */
class JobEventsTest {
  private static StepRecord step(
      String id, StepStatus status, Long started, ApprovalRecord approval, List<ItemRecord> items) {
    Long finished = JobEvents.FINAL.contains(status) && started != null ? started + 50 : null;
    return new StepRecord(
        id,
        "tool",
        status,
        status == StepStatus.SKIPPED ? "condition false" : null,
        null,
        null,
        null,
        status == StepStatus.SUCCEEDED ? 2 : 0,
        started,
        finished,
        finished == null ? null : 50L,
        null,
        approval,
        items,
        null);
  }

  private static ItemRecord item(int index, StepStatus status) {
    return new ItemRecord(
        index,
        status,
        status == StepStatus.SKIPPED ? "score 0.5 > 0.7 is false" : null,
        null,
        null,
        null,
        1,
        null,
        null,
        null,
        null,
        null);
  }

  private static ExecutionRecord record(StepRecord... steps) {
    return new ExecutionRecord(
        "campaign",
        "Campaign",
        "campaign",
        "running",
        JsonNodeFactory.instance.objectNode(),
        0,
        null,
        List.of(steps));
  }

  private static List<String> lines(List<JobEvent> events) {
    return events.stream().map(JobEvent::line).toList();
  }

  @Test
  void theFirstRecordStartsTheJobAndAStepDoneBetweenPollsIsStartedAndCompleted() {
    ExecutionRecord first =
        record(
            step("a", StepStatus.SUCCEEDED, 10L, null, List.of()),
            step("b", StepStatus.RUNNING, 20L, null, List.of()),
            step("c", StepStatus.PENDING, null, null, List.of()));
    assertThat(lines(JobEvents.diff("job-1", null, first)))
        .containsExactly(
            "job_started campaign",
            "step_started a",
            "step_completed a succeeded (2 attempts, 50 ms)",
            "step_started b");
    // nothing changed: nothing new
    assertThat(JobEvents.diff("job-1", first, first)).isEmpty();
  }

  @Test
  void approvalItemsAndCompletionComeOnceEach() {
    ApprovalRecord pending = new ApprovalRecord("pending", 1, 2, null, null, null);
    ApprovalRecord approved = new ApprovalRecord("approved", 1, 2, "alice", "ok", 3L);
    ExecutionRecord waiting =
        record(step("post", StepStatus.WAITING_APPROVAL, null, pending, List.of()));
    List<JobEvent> asked =
        JobEvents.diff(
            "job-1", record(step("post", StepStatus.PENDING, null, null, List.of())), waiting);
    assertThat(lines(asked))
        .containsExactly(
            "step_started post",
            "approval_requested post pending; approve with: bunsui session approve job-1 --job"
                + " post");
    ExecutionRecord running =
        record(
            step(
                "post",
                StepStatus.RUNNING,
                5L,
                approved,
                List.of(item(0, StepStatus.SUCCEEDED), item(1, StepStatus.RUNNING))));
    assertThat(lines(JobEvents.diff("job-1", waiting, running)))
        .containsExactly("item_completed post item 0 succeeded (1 attempt)");
    ExecutionRecord done =
        record(
            step(
                "post",
                StepStatus.SUCCEEDED,
                5L,
                approved,
                List.of(item(0, StepStatus.SUCCEEDED), item(1, StepStatus.SKIPPED))));
    assertThat(lines(JobEvents.diff("job-1", running, done)))
        .containsExactly(
            "item_completed post item 1 skipped (1 attempt): score 0.5 > 0.7 is false",
            "step_completed post succeeded (2 attempts, 50 ms)");
  }

  @Test
  void anApprovalDecidedBetweenPollsIsStillReportedWithoutTheCommand() {
    ApprovalRecord rejected = new ApprovalRecord("rejected", 1, 2, "bob", "no", 3L);
    List<JobEvent> events =
        JobEvents.diff(
            "job-2",
            record(step("post", StepStatus.PENDING, null, null, List.of())),
            record(step("post", StepStatus.SKIPPED, null, rejected, List.of())));
    assertThat(events)
        .extracting(JobEvent::event, JobEvent::status, JobEvent::command)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("approval_requested", "rejected", null),
            org.assertj.core.groups.Tuple.tuple("step_completed", "skipped", null));
  }

  @Test
  void bookChaptersAreStepsAndSectionsItems() {
    BookProgress one =
        new BookProgress(
            "CHAPTERS", "T", List.of(new ChapterProgress(1, "Intro", "w-1", 3, 1, false)));
    BookProgress two =
        new BookProgress(
            "CHAPTERS",
            "T",
            List.of(
                new ChapterProgress(1, "Intro", "w-1", 3, 3, true),
                new ChapterProgress(2, "More", "w-2", 2, 0, false)));
    assertThat(lines(JobEvents.diffBook("b", null, one)))
        .containsExactly(
            "job_started book",
            "step_started chapter-1 running",
            "item_completed chapter-1 item 0 done");
    assertThat(lines(JobEvents.diffBook("b", one, two)))
        .containsExactly(
            "item_completed chapter-1 item 1 done",
            "item_completed chapter-1 item 2 done",
            "step_completed chapter-1 completed",
            "step_started chapter-2 running");
  }
}

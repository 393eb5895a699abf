package dev.bunsui.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowFailedException;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BookWorkflowTest {
  private TestWorkflowEnvironment env;

  @AfterEach
  void stop() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void chaptersRunInParallelAndEveryOutputIsProduced() {
    FakeActivities fake = new FakeActivities(FakeActivities.outline(3, 2, 1));
    // each chapter's first section waits until all three chapters have started: sequential
    // chapters would fail this run with "chapters did not run in parallel"
    fake.allChaptersStarted = new CountDownLatch(3);
    env = WorkflowTestSupport.start(fake);

    BookResult result =
        WorkflowTestSupport.book(env.getWorkflowClient(), "book-parallel")
            .run(WorkflowTestSupport.request());

    assertThat(result.chapters()).isEqualTo(3);
    assertThat(result.sectionsDone()).isEqualTo(6);
    assertThat(result.sectionsSkipped()).isZero();
    assertThat(result.figures()).isEqualTo(6);
    // 5 generated kinds per section + 1 thumbnail per chapter
    assertThat(result.outputs()).isEqualTo(6 * 5 + 3);
    assertThat(fake.calls).filteredOn(c -> c.startsWith("convertFigure:")).hasSize(6);
    BookProgress progress =
        env.getWorkflowClient().newWorkflowStub(BookWorkflow.class, "book-parallel").progress();
    assertThat(progress.stage()).isEqualTo("COMPLETED");
    assertThat(progress.chapters()).allMatch(ChapterProgress::completed);
    assertThat(progress.chapters())
        .extracting(ChapterProgress::workflowId)
        .containsExactly(
            "book-parallel-chapter-1", "book-parallel-chapter-2", "book-parallel-chapter-3");
  }

  @Test
  void anActivityThatFailsTwiceThenSucceedsIsRetriedByTemporal() {
    FakeActivities fake = new FakeActivities(FakeActivities.outline(1, 2, 0));
    fake.flakyArticles = Map.of("ch1/s2", 2);
    env = WorkflowTestSupport.start(fake);

    BookResult result =
        WorkflowTestSupport.book(env.getWorkflowClient(), "book-flaky")
            .run(WorkflowTestSupport.request());

    assertThat(fake.attempts.get("ARTICLE:ch1/s2").get()).isEqualTo(3);
    assertThat(fake.attempts.get("ARTICLE:ch1/s1").get()).isEqualTo(1);
    // the other kinds of the flaky section ran once each: a failure retries alone
    assertThat(fake.attempts.get("X_POSTS:ch1/s2").get()).isEqualTo(1);
    assertThat(result.sectionsDone()).isEqualTo(2);
    assertThat(result.sectionsSkipped()).isZero();
  }

  @Test
  void aNonRetryableInputFailureSkipsOneSectionAndTheBookCompletes() {
    FakeActivities fake = new FakeActivities(FakeActivities.outline(2, 2, 1));
    fake.badSections = Set.of("ch2/s1");
    env = WorkflowTestSupport.start(fake);

    BookResult result =
        WorkflowTestSupport.book(env.getWorkflowClient(), "book-skip")
            .run(WorkflowTestSupport.request());

    assertThat(result.sectionsDone()).isEqualTo(3);
    assertThat(result.sectionsSkipped()).isEqualTo(1);
    assertThat(fake.attempts.get("analyzeSection:ch2/s1").get()).isEqualTo(1);
    // no generation was attempted for the skipped section; its figure was still converted
    assertThat(fake.calls).noneMatch(c -> c.endsWith(":ch2/s1") && c.startsWith("ARTICLE"));
    assertThat(fake.calls).contains("convertFigure:ch2/s1#fig-1", "recordSection:ch2/s1");
    assertThat(fake.calls).contains("aggregateBook:test-book-00000000");
  }

  @Test
  void anAuthFailureFailsTheRunInsteadOfSkipping() {
    FakeActivities fake = new FakeActivities(FakeActivities.outline(1, 1, 0));
    fake.authFailures = Set.of("ch1/s1");
    env = WorkflowTestSupport.start(fake);
    BookWorkflow book = WorkflowTestSupport.book(env.getWorkflowClient(), "book-auth");

    assertThatThrownBy(() -> book.run(WorkflowTestSupport.request()))
        .isInstanceOf(WorkflowFailedException.class)
        .satisfies(
            e -> {
              Throwable t = e.getCause();
              while (t instanceof ChildWorkflowFailure || t instanceof ActivityFailure) {
                t = t.getCause();
              }
              assertThat(t).isInstanceOf(ApplicationFailure.class);
              assertThat(((ApplicationFailure) t).getType()).isEqualTo("LLM_AUTH");
            });
    assertThat(fake.attempts.get("X_POSTS:ch1/s1").get()).isEqualTo(1);
    // the other kinds of the section ran to the end before the section failed
    assertThat(fake.attempts.get("ARTICLE:ch1/s1").get()).isEqualTo(1);

    var attributes =
        env.getWorkflowClient()
            .newUntypedWorkflowStub("book-auth")
            .describe()
            .getTypedSearchAttributes();
    assertThat(attributes.get(BookSearchAttributes.FAILED_STEP))
        .isEqualTo("chapter-1/section-1/GenerateXPosts");
    assertThat(attributes.get(BookSearchAttributes.STAGE)).isEqualTo("FAILED");
    assertThat(attributes.get(BookSearchAttributes.PIPELINE)).isEqualTo("book");
  }

  @Test
  void aTwoHundredSectionBookKeepsEveryHistoryUnderTenThousandEvents() {
    FakeActivities fake = new FakeActivities(FakeActivities.outline(1, 200, 1));
    env = WorkflowTestSupport.start(fake);

    BookResult result =
        WorkflowTestSupport.book(env.getWorkflowClient(), "book-big")
            .run(WorkflowTestSupport.request());

    assertThat(result.sectionsDone()).isEqualTo(200);
    for (String id : List.of("book-big", "book-big-chapter-1", "book-big-chapter-1-section-200")) {
      WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory(id);
      assertThat(history.getEvents()).as(id).hasSizeLessThan(10_000);
      assertThat(history.getLastEvent().getEventType())
          .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
    }
  }
}

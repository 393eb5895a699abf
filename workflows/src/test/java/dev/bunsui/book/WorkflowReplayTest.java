package dev.bunsui.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Replays recorded histories of every workflow type against the current code: a change that is not
 * deterministic for runs already in flight fails here. Re-record with {@code ./mvnw -pl workflows
 * test -Dtest=WorkflowReplayTest -Dbunsui.recordHistories=true} only when a change is meant to be
 * incompatible (and guard it with {@code Workflow.getVersion}).
 */
class WorkflowReplayTest {
  private static final String BOOK = "book-recorded";

  @Test
  void bookWorkflowReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history("book", BOOK), BookWorkflowImpl.class);
  }

  @Test
  void chapterWorkflowReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        history("chapter", BOOK + "-chapter-1"), ChapterWorkflowImpl.class);
  }

  @Test
  void sectionWorkflowReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        history("section", BOOK + "-chapter-1-section-1"), SectionWorkflowImpl.class);
  }

  @Test
  void skippedSectionWorkflowReplays() throws Exception {
    String id = BOOK + "-chapter-2-section-2";
    // the recorded run holds the non-retryable analysis failure the workflow turned into a skip
    assertThat(json("section-skipped"))
        .contains("EVENT_TYPE_ACTIVITY_TASK_FAILED")
        .contains("INPUT_INVALID");
    WorkflowReplayer.replayWorkflowExecution(
        history("section-skipped", id), SectionWorkflowImpl.class);
  }

  @Test
  @EnabledIfSystemProperty(named = "bunsui.recordHistories", matches = "true")
  void recordHistories() throws IOException {
    FakeActivities fake = new FakeActivities(FakeActivities.outline(2, 2, 1));
    fake.flakyArticles = Map.of("ch1/s1", 1);
    fake.badSections = Set.of("ch2/s2");
    try (TestWorkflowEnvironment env = WorkflowTestSupport.start(fake)) {
      WorkflowClient client = env.getWorkflowClient();
      WorkflowTestSupport.book(client, BOOK).run(WorkflowTestSupport.request());
      write("book", client.fetchHistory(BOOK).toJson(true));
      write("chapter", client.fetchHistory(BOOK + "-chapter-1").toJson(true));
      write("section", client.fetchHistory(BOOK + "-chapter-1-section-1").toJson(true));
      write("section-skipped", client.fetchHistory(BOOK + "-chapter-2-section-2").toJson(true));
    }
  }

  private static WorkflowExecutionHistory history(String name, String workflowId)
      throws IOException {
    return WorkflowExecutionHistory.fromJson(json(name), workflowId);
  }

  private static String json(String name) throws IOException {
    try (InputStream in =
        WorkflowReplayTest.class.getResourceAsStream("/histories/" + name + ".json")) {
      assertThat(in)
          .as("recorded history %s.json (record it, see the class comment)", name)
          .isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void write(String name, String json) throws IOException {
    Path folder =
        Path.of(
            System.getProperty("bunsui.projectRoot", ".."),
            "workflows/src/test/resources/histories");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(name + ".json"), json);
  }
}

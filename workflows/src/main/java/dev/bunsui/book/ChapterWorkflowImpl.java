package dev.bunsui.book;

import dev.bunsui.store.ArtifactRef;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/** Deterministic implementation of {@link ChapterWorkflow}. */
public class ChapterWorkflowImpl implements ChapterWorkflow {

  private final BookActivities activities =
      Workflow.newActivityStub(BookActivities.class, ActivityPolicies.bookIo());

  private ChapterRequest request;
  private int sectionsDone;
  private boolean completed;

  @Override
  public ChapterSummary run(ChapterRequest request) {
    this.request = request;
    BookContext book = request.book();
    ChapterOutline chapter = request.chapter();
    String workflowId = Workflow.getInfo().getWorkflowId();

    Promise<ArtifactRef> thumbnail = null;
    if (book.wants(OutputKind.THUMBNAIL)) {
      thumbnail =
          Async.function(
              activities::renderThumbnail,
              new ThumbnailRequest(book, chapter.number(), chapter.title()));
    }

    List<Promise<SectionSummary>> running = new ArrayList<>();
    for (SectionOutline section : chapter.sections()) {
      SectionWorkflow child =
          Workflow.newChildWorkflowStub(
              SectionWorkflow.class,
              ChildWorkflowOptions.newBuilder()
                  .setWorkflowId(workflowId + "-section-" + section.number())
                  .build());
      running.add(
          Async.function(child::run, new SectionTask(book, chapter.number(), section))
              .thenApply(
                  summary -> {
                    sectionsDone++;
                    return summary;
                  }));
    }
    List<SectionSummary> sections = new ArrayList<>();
    for (Promise<SectionSummary> p : running) {
      sections.add(p.get());
    }

    List<SkippedItem> skipped = new ArrayList<>();
    ArtifactRef thumbnailRef = null;
    if (thumbnail != null) {
      try {
        thumbnailRef = thumbnail.get();
      } catch (ActivityFailure failure) {
        String item = "chapter-" + chapter.number() + ":THUMBNAIL";
        skipped.add(Skips.of(item, chapter.sourceFile(), 0, failure).orElseThrow(() -> failure));
      }
    }
    ChapterSummary summary =
        activities.aggregateChapter(
            new ChapterAggregateRequest(
                book, chapter.number(), chapter.title(), sections, thumbnailRef, skipped));
    completed = true;
    return summary;
  }

  @Override
  public ChapterProgress progress() {
    if (request == null) {
      return new ChapterProgress(0, null, Workflow.getInfo().getWorkflowId(), 0, 0, false);
    }
    ChapterOutline chapter = request.chapter();
    return new ChapterProgress(
        chapter.number(),
        chapter.title(),
        Workflow.getInfo().getWorkflowId(),
        chapter.sections().size(),
        sectionsDone,
        completed);
  }
}

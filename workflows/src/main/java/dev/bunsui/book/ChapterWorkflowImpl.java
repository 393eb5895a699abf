package dev.bunsui.book;

import dev.bunsui.store.ArtifactRef;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic implementation of {@link ChapterWorkflow}: the thumbnail and one {@link
 * SectionWorkflow} child per section in parallel, all awaited before a failure fails the chapter.
 */
public class ChapterWorkflowImpl implements ChapterWorkflow {

  private ChapterRequest request;
  private int sectionsDone;
  private boolean completed;

  @Override
  public ChapterSummary run(ChapterRequest request) {
    this.request = request;
    BookContext book = request.book();
    ChapterOutline chapter = request.chapter();
    String workflowId = Workflow.getInfo().getWorkflowId();
    try {
      RunStatus.stage(RunStatus.CHAPTER_PIPELINE, "SECTIONS", book);
      Promise<ArtifactRef> thumbnail = null;
      if (book.wants(OutputKind.THUMBNAIL)) {
        thumbnail =
            Async.function(
                media("thumbnail · chapter " + chapter.number())::renderThumbnail,
                new ThumbnailRequest(book, chapter.number(), chapter.title()));
      }
      List<SectionOutline> outlines = chapter.sections();
      List<Promise<SectionSummary>> done =
          ParallelSteps.runAll(
              outlines.size(), i -> startSection(book, workflowId, outlines.get(i)));
      List<SectionSummary> sections = ParallelSteps.results(done);

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
      RunStatus.stage(RunStatus.CHAPTER_PIPELINE, "AGGREGATING", book);
      ArtifactRef thumb = thumbnailRef;
      ChapterSummary summary =
          ParallelSteps.run(
              () ->
                  activities("aggregate chapter " + chapter.number())
                      .aggregateChapter(
                          new ChapterAggregateRequest(
                              book, chapter.number(), chapter.title(), sections, thumb, skipped)));
      completed = true;
      RunStatus.stage(RunStatus.CHAPTER_PIPELINE, "COMPLETED", book);
      return summary;
    } catch (TemporalFailure failure) {
      RunStatus.failed(failure);
      throw failure;
    }
  }

  private Promise<SectionSummary> startSection(
      BookContext book, String workflowId, SectionOutline section) {
    SectionWorkflow child =
        Workflow.newChildWorkflowStub(
            SectionWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(workflowId + "-section-" + section.number())
                .setStaticSummary(
                    RunStatus.summary("section " + section.id(), section.title(), book))
                .build());
    return Async.function(child::run, new SectionTask(book, request.chapter().number(), section))
        .thenApply(
            summary -> {
              sectionsDone++;
              return summary;
            });
  }

  private static BookActivities activities(String summary) {
    return Workflow.newActivityStub(
        BookActivities.class,
        ActivityOptions.newBuilder(ActivityPolicies.bookIo()).setSummary(summary).build());
  }

  private static BookActivities media(String summary) {
    return Workflow.newActivityStub(
        BookActivities.class,
        ActivityOptions.newBuilder(ActivityPolicies.media()).setSummary(summary).build());
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

package dev.bunsui.book;

import io.temporal.activity.ActivityOptions;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Deterministic implementation of {@link BookWorkflow}. Keeps the {@link BookSearchAttributes}
 * current, gives every child and activity a summary for the Web UI, and runs its steps through
 * {@link ParallelSteps} so that a reset of a failed run completes it.
 */
public class BookWorkflowImpl implements BookWorkflow {

  private String stage = "PARSING";
  private String title;
  private final List<ChapterProgress> chapters = new ArrayList<>();

  @Override
  public BookResult run(BookRequest request) {
    try {
      return runSteps(request);
    } catch (TemporalFailure failure) {
      stage = "FAILED";
      RunStatus.failed(failure);
      throw failure;
    }
  }

  private BookResult runSteps(BookRequest request) {
    String workflowId = Workflow.getInfo().getWorkflowId();
    RunStatus.stage(BookSearchAttributes.BOOK_PIPELINE, stage, null);
    BookOutline outline =
        ParallelSteps.run(() -> activities("parse book " + request.source()).parseBook(request));
    BookContext book =
        new BookContext(
            outline.bookId(),
            outline.title(),
            outline.lang(),
            kinds(request),
            request.provider(),
            request.model(),
            request.refresh());
    title = outline.title();
    for (ChapterOutline chapter : outline.chapters()) {
      String childId = workflowId + "-chapter-" + chapter.number();
      chapters.add(
          new ChapterProgress(
              chapter.number(), chapter.title(), childId, chapter.sections().size(), 0, false));
    }
    stage = "CHAPTERS";
    RunStatus.stage(BookSearchAttributes.BOOK_PIPELINE, stage, book);
    details();

    List<ChapterOutline> outlines = outline.chapters();
    List<Promise<ChapterSummary>> done =
        ParallelSteps.runAll(outlines.size(), i -> startChapter(book, outlines.get(i), i));
    List<ChapterSummary> summaries = ParallelSteps.results(done);

    stage = "AGGREGATING";
    RunStatus.stage(BookSearchAttributes.BOOK_PIPELINE, stage, book);
    BookAggregate aggregate =
        ParallelSteps.run(
            () ->
                activities("aggregate book " + book.title())
                    .aggregateBook(
                        new BookAggregateRequest(
                            book,
                            workflowId,
                            outline.layout(),
                            outline.tree(),
                            outline.skipped(),
                            summaries)));
    stage = "COMPLETED";
    RunStatus.stage(BookSearchAttributes.BOOK_PIPELINE, stage, book);
    details();
    return new BookResult(
        outline.bookId(),
        outline.title(),
        outline.lang(),
        aggregate.outputDir(),
        aggregate.manifest(),
        aggregate.index(),
        summaries.size(),
        summaries.stream().mapToInt(ChapterSummary::sectionsDone).sum(),
        summaries.stream().mapToInt(ChapterSummary::sectionsSkipped).sum(),
        summaries.stream().mapToInt(ChapterSummary::figures).sum(),
        summaries.stream().mapToInt(ChapterSummary::outputs).sum(),
        aggregate.skippedItems());
  }

  private Promise<ChapterSummary> startChapter(BookContext book, ChapterOutline chapter, int slot) {
    ChapterWorkflow child =
        Workflow.newChildWorkflowStub(
            ChapterWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(chapters.get(slot).workflowId())
                .setStaticSummary(
                    RunStatus.summary("chapter " + chapter.number(), chapter.title(), book))
                .build());
    return Async.function(child::run, new ChapterRequest(book, chapter))
        .thenApply(
            summary -> {
              ChapterProgress p = chapters.get(slot);
              chapters.set(
                  slot,
                  new ChapterProgress(
                      p.number(),
                      p.title(),
                      p.workflowId(),
                      p.sectionsTotal(),
                      summary.sectionsDone() + summary.sectionsSkipped(),
                      true));
              details();
              return summary;
            });
  }

  private void details() {
    long done = chapters.stream().filter(ChapterProgress::completed).count();
    Workflow.setCurrentDetails(
        "**" + title + "** — " + stage + ", chapters " + done + "/" + chapters.size() + " done");
  }

  private static BookActivities activities(String summary) {
    return Workflow.newActivityStub(
        BookActivities.class,
        ActivityOptions.newBuilder(ActivityPolicies.bookIo()).setSummary(summary).build());
  }

  @Override
  public BookProgress progress() {
    return new BookProgress(stage, title, List.copyOf(chapters));
  }

  private static List<OutputKind> kinds(BookRequest request) {
    if (request.kinds() == null || request.kinds().isEmpty()) {
      return Arrays.asList(OutputKind.values());
    }
    return List.copyOf(request.kinds());
  }
}

package dev.bunsui.book;

import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Deterministic implementation of {@link BookWorkflow}. */
public class BookWorkflowImpl implements BookWorkflow {

  private final BookActivities activities =
      Workflow.newActivityStub(BookActivities.class, ActivityPolicies.bookIo());

  private String stage = "PARSING";
  private String title;
  private final List<ChapterProgress> chapters = new ArrayList<>();

  @Override
  public BookResult run(BookRequest request) {
    String workflowId = Workflow.getInfo().getWorkflowId();
    BookOutline outline = activities.parseBook(request);
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

    List<Promise<ChapterSummary>> running = new ArrayList<>();
    for (ChapterOutline chapter : outline.chapters()) {
      String childId = workflowId + "-chapter-" + chapter.number();
      int slot = chapters.size();
      chapters.add(
          new ChapterProgress(
              chapter.number(), chapter.title(), childId, chapter.sections().size(), 0, false));
      ChapterWorkflow child =
          Workflow.newChildWorkflowStub(
              ChapterWorkflow.class,
              ChildWorkflowOptions.newBuilder().setWorkflowId(childId).build());
      running.add(
          Async.function(child::run, new ChapterRequest(book, chapter))
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
                    return summary;
                  }));
    }
    stage = "CHAPTERS";
    List<ChapterSummary> summaries = new ArrayList<>();
    for (Promise<ChapterSummary> p : running) {
      summaries.add(p.get());
    }

    stage = "AGGREGATING";
    BookAggregate aggregate =
        activities.aggregateBook(
            new BookAggregateRequest(
                book, workflowId, outline.layout(), outline.tree(), outline.skipped(), summaries));
    stage = "COMPLETED";
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

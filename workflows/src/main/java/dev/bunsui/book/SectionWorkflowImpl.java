package dev.bunsui.book;

import dev.bunsui.store.ArtifactRef;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deterministic implementation of {@link SectionWorkflow}: analysis, then every generated kind and
 * every figure conversion in parallel, all awaited; skippable failures become skipped items, any
 * other fails the section after the rest finished.
 */
public class SectionWorkflowImpl implements SectionWorkflow {

  @Override
  public SectionSummary run(SectionTask task) {
    try {
      RunStatus.stage(RunStatus.SECTION_PIPELINE, "GENERATING", task.book());
      SectionSummary summary = generate(task);
      RunStatus.stage(RunStatus.SECTION_PIPELINE, "COMPLETED", task.book());
      return summary;
    } catch (TemporalFailure failure) {
      RunStatus.failed(failure);
      throw failure;
    }
  }

  private SectionSummary generate(SectionTask task) {
    SectionOutline section = task.section();
    BookContext book = task.book();
    String where = "section " + section.id();
    List<SkippedItem> skipped = new ArrayList<>();

    ArtifactRef analysis = null;
    try {
      analysis = ParallelSteps.run(() -> llm(where + " · analysis").analyzeSection(task));
    } catch (ActivityFailure failure) {
      skipped.add(skipOrRethrow(section.id() + ":ANALYSIS", section, failure));
    }

    List<OutputKind> kinds = new ArrayList<>();
    if (analysis != null) {
      book.kinds().stream().filter(OutputKind::generated).forEach(kinds::add);
    }
    List<FigureOutline> figures =
        book.wants(OutputKind.FIGURES) ? section.figures() : List.<FigureOutline>of();
    ArtifactRef analyzed = analysis;
    List<Promise<GeneratedOutput>> generated =
        ParallelSteps.runAll(
            kinds.size(),
            i ->
                Async.function(
                    generator(kinds.get(i), where),
                    new GenerateRequest(
                        book,
                        section.id(),
                        section.title(),
                        section.content(),
                        analyzed,
                        kinds.get(i))));
    List<Promise<FigureResult>> converted =
        ParallelSteps.runAll(
            figures.size(),
            i -> {
              FigureOutline figure = figures.get(i);
              String summary = "figure " + figure.id() + " (" + figure.type() + ") · " + where;
              return Async.function(
                  media(summary)::convertFigure, new FigureRequest(book, section.id(), figure));
            });

    List<GeneratedOutput> outputs = new ArrayList<>();
    for (int i = 0; i < kinds.size(); i++) {
      try {
        outputs.add(generated.get(i).get());
      } catch (ActivityFailure failure) {
        skipped.add(skipOrRethrow(section.id() + ":" + kinds.get(i), section, failure));
      }
    }
    List<FigureResult> results = new ArrayList<>();
    for (int i = 0; i < figures.size(); i++) {
      FigureOutline figure = figures.get(i);
      try {
        results.add(converted.get(i).get());
      } catch (ActivityFailure failure) {
        Optional<SkippedItem> item =
            Skips.of(figure.id(), figure.sourceFile(), figure.line(), failure);
        skipped.add(item.orElseThrow(() -> failure));
      }
    }
    ArtifactRef analysisRef = analysis;
    return ParallelSteps.run(
        () ->
            io(where + " · record")
                .recordSection(
                    new SectionRecordRequest(task, analysisRef, outputs, results, skipped)));
  }

  private static Functions.Func1<GenerateRequest, GeneratedOutput> generator(
      OutputKind kind, String where) {
    SectionActivities llm = llm(where + " · " + kind);
    return switch (kind) {
      case ARTICLE -> llm::generateArticle;
      case VIDEO_SCRIPT -> llm::generateVideoScript;
      case VIDEO_SCRIPT_JSON -> llm::generateVideoScriptJson;
      case X_POSTS -> llm::generateXPosts;
      case DESCRIPTION -> llm::generateDescription;
      default -> throw new IllegalArgumentException("not a generated kind: " + kind);
    };
  }

  private static SectionActivities llm(String summary) {
    return Workflow.newActivityStub(
        SectionActivities.class,
        ActivityOptions.newBuilder(ActivityPolicies.llm()).setSummary(summary).build());
  }

  private static SectionActivities io(String summary) {
    return Workflow.newActivityStub(
        SectionActivities.class,
        ActivityOptions.newBuilder(ActivityPolicies.bookIo()).setSummary(summary).build());
  }

  private static FigureActivities media(String summary) {
    return Workflow.newActivityStub(
        FigureActivities.class,
        ActivityOptions.newBuilder(ActivityPolicies.media()).setSummary(summary).build());
  }

  private static SkippedItem skipOrRethrow(
      String item, SectionOutline section, ActivityFailure failure) {
    return Skips.of(item, section.sourceFile(), section.line(), failure).orElseThrow(() -> failure);
  }
}

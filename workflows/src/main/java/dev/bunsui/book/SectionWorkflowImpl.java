package dev.bunsui.book;

import dev.bunsui.store.ArtifactRef;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deterministic implementation of {@link SectionWorkflow}. */
public class SectionWorkflowImpl implements SectionWorkflow {

  private final SectionActivities llm =
      Workflow.newActivityStub(SectionActivities.class, ActivityPolicies.llm());
  private final SectionActivities io =
      Workflow.newActivityStub(SectionActivities.class, ActivityPolicies.bookIo());
  private final FigureActivities media =
      Workflow.newActivityStub(FigureActivities.class, ActivityPolicies.media());

  @Override
  public SectionSummary run(SectionTask task) {
    SectionOutline section = task.section();
    BookContext book = task.book();
    List<SkippedItem> skipped = new ArrayList<>();

    ArtifactRef analysis = null;
    try {
      analysis = llm.analyzeSection(task);
    } catch (ActivityFailure failure) {
      skipped.add(skipOrRethrow(section.id() + ":ANALYSIS", section, failure));
    }

    Map<OutputKind, Promise<GeneratedOutput>> generations = new LinkedHashMap<>();
    if (analysis != null) {
      for (OutputKind kind : book.kinds()) {
        if (kind.generated()) {
          GenerateRequest request =
              new GenerateRequest(
                  book, section.id(), section.title(), section.content(), analysis, kind);
          generations.put(kind, Async.function(generator(kind), request));
        }
      }
    }
    Map<FigureOutline, Promise<FigureResult>> conversions = new LinkedHashMap<>();
    if (book.wants(OutputKind.FIGURES)) {
      for (FigureOutline figure : section.figures()) {
        conversions.put(
            figure,
            Async.function(media::convertFigure, new FigureRequest(book, section.id(), figure)));
      }
    }

    List<GeneratedOutput> outputs = new ArrayList<>();
    for (Map.Entry<OutputKind, Promise<GeneratedOutput>> e : generations.entrySet()) {
      try {
        outputs.add(e.getValue().get());
      } catch (ActivityFailure failure) {
        skipped.add(skipOrRethrow(section.id() + ":" + e.getKey(), section, failure));
      }
    }
    List<FigureResult> figures = new ArrayList<>();
    for (Map.Entry<FigureOutline, Promise<FigureResult>> e : conversions.entrySet()) {
      FigureOutline figure = e.getKey();
      try {
        figures.add(e.getValue().get());
      } catch (ActivityFailure failure) {
        Optional<SkippedItem> item =
            Skips.of(figure.id(), figure.sourceFile(), figure.line(), failure);
        skipped.add(item.orElseThrow(() -> failure));
      }
    }
    return io.recordSection(new SectionRecordRequest(task, analysis, outputs, figures, skipped));
  }

  private Functions.Func1<GenerateRequest, GeneratedOutput> generator(OutputKind kind) {
    return switch (kind) {
      case ARTICLE -> llm::generateArticle;
      case VIDEO_SCRIPT -> llm::generateVideoScript;
      case VIDEO_SCRIPT_JSON -> llm::generateVideoScriptJson;
      case X_POSTS -> llm::generateXPosts;
      case DESCRIPTION -> llm::generateDescription;
      default -> throw new IllegalArgumentException("not a generated kind: " + kind);
    };
  }

  private static SkippedItem skipOrRethrow(
      String item, SectionOutline section, ActivityFailure failure) {
    return Skips.of(item, section.sourceFile(), section.line(), failure).orElseThrow(() -> failure);
  }
}

package dev.bunsui.activity;

import dev.bunsui.aggregate.SectionRecorder;
import dev.bunsui.book.GenerateRequest;
import dev.bunsui.book.GeneratedOutput;
import dev.bunsui.book.OutputKind;
import dev.bunsui.book.SectionActivities;
import dev.bunsui.book.SectionRecordRequest;
import dev.bunsui.book.SectionSummary;
import dev.bunsui.book.SectionTask;
import dev.bunsui.generate.GenerationService;
import dev.bunsui.store.ArtifactRef;

/** The section activities, thin over {@link GenerationService} and {@link SectionRecorder}. */
public class SectionActivitiesImpl implements SectionActivities {
  private final GenerationService generation;
  private final SectionRecorder recorder;

  /**
   * Creates the activities.
   *
   * @param generation analysis and generation with the configured LLM providers
   * @param recorder writes section records
   */
  public SectionActivitiesImpl(GenerationService generation, SectionRecorder recorder) {
    this.generation = generation;
    this.recorder = recorder;
  }

  @Override
  public ArtifactRef analyzeSection(SectionTask task) {
    return Guard.run("analyze " + task.section().id(), () -> generation.analyze(task));
  }

  @Override
  public GeneratedOutput generateArticle(GenerateRequest request) {
    return generate(request, OutputKind.ARTICLE);
  }

  @Override
  public GeneratedOutput generateVideoScript(GenerateRequest request) {
    return generate(request, OutputKind.VIDEO_SCRIPT);
  }

  @Override
  public GeneratedOutput generateVideoScriptJson(GenerateRequest request) {
    return generate(request, OutputKind.VIDEO_SCRIPT_JSON);
  }

  @Override
  public GeneratedOutput generateXPosts(GenerateRequest request) {
    return generate(request, OutputKind.X_POSTS);
  }

  @Override
  public GeneratedOutput generateDescription(GenerateRequest request) {
    return generate(request, OutputKind.DESCRIPTION);
  }

  @Override
  public SectionSummary recordSection(SectionRecordRequest request) {
    return Guard.run("record " + request.task().section().id(), () -> recorder.record(request));
  }

  private GeneratedOutput generate(GenerateRequest request, OutputKind kind) {
    if (request.kind() != kind) {
      throw new IllegalArgumentException("generate" + kind + " called with kind " + request.kind());
    }
    return Guard.run(
        "generate " + kind + " for " + request.sectionId(), () -> generation.generate(request));
  }
}

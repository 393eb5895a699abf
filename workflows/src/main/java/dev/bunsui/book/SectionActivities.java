package dev.bunsui.book;

import dev.bunsui.store.ArtifactRef;
import io.temporal.activity.ActivityInterface;

/**
 * Per-section activities: analysis, one generation activity per output kind (so one failure retries
 * alone), and the section record. Failures are {@code ApplicationFailure}s typed with a {@link
 * dev.bunsui.failure.ErrorCode} name; LLM rate limits carry the server's retry delay.
 */
@ActivityInterface
public interface SectionActivities {

  /**
   * Structure analysis of a section: key points, level, terms.
   *
   * @return the stored analysis (JSON)
   */
  ArtifactRef analyzeSection(SectionTask task);

  /** Generates the section's Markdown article. */
  GeneratedOutput generateArticle(GenerateRequest request);

  /** Generates the section's video narration text. */
  GeneratedOutput generateVideoScript(GenerateRequest request);

  /** Generates the section's video scenes as JSON validated against the project's schema. */
  GeneratedOutput generateVideoScriptJson(GenerateRequest request);

  /** Generates X posts, each within 280 weighted characters. */
  GeneratedOutput generateXPosts(GenerateRequest request);

  /** Generates a description of at most 160 characters. */
  GeneratedOutput generateDescription(GenerateRequest request);

  /**
   * Rewrites figure links in the generated article to the stored PNGs and stores the section
   * record.
   *
   * @return the section summary
   */
  SectionSummary recordSection(SectionRecordRequest request);
}

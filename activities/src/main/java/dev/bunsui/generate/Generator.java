package dev.bunsui.generate;

import dev.bunsui.book.OutputKind;
import io.temporal.failure.ApplicationFailure;
import java.util.Locale;

/**
 * Produces the analysis and the outputs of one section for one provider. {@link GenerationService}
 * validates, hashes and stores what it returns.
 */
public interface Generator {

  /** The provider name recorded in provenance ({@code extractive}, {@code openai} …). */
  String provider();

  /** The model the provider resolved to (its configured or default model), never null. */
  String model();

  /**
   * The prompt hash a step of this generator records in provenance and the step cache keys on.
   *
   * @param step the prompt kind: {@code analysis}, {@code article}, {@code video_script}, {@code
   *     video_script_json}, {@code x_posts} or {@code description} ({@link #step(OutputKind)})
   * @return SHA-256 (64 hex characters)
   * @throws PromptException when the step's prompt templates cannot be found
   */
  String promptHash(String step);

  /** The prompt kind of an output kind: its name in lower case ({@code x_posts}). */
  static String step(OutputKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Analyses a section.
   *
   * @param section the section and output language
   * @return the analysis; its provenance's input hash is left empty for the caller
   * @throws ApplicationFailure typed with an {@code LLM_*} code when the provider fails
   */
  SectionAnalysis analyze(SectionText section);

  /**
   * Generates one output kind.
   *
   * @param kind one of the {@link OutputKind#generated()} kinds
   * @param section the section and output language
   * @param analysis the section's analysis
   * @return the text (X posts as a JSON array of strings; video scenes as JSON) and provenance
   * @throws ApplicationFailure typed with an {@code LLM_*} code when the provider fails or answers
   *     something unusable
   */
  Draft generate(OutputKind kind, SectionText section, SectionAnalysis analysis);
}

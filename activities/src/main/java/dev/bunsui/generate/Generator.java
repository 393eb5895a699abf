package dev.bunsui.generate;

import dev.bunsui.book.OutputKind;
import io.temporal.failure.ApplicationFailure;

/**
 * Produces the analysis and the outputs of one section for one provider. {@link GenerationService}
 * validates, hashes and stores what it returns.
 */
public interface Generator {

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

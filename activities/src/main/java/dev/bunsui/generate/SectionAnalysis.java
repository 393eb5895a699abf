package dev.bunsui.generate;

import dev.bunsui.book.Provenance;
import java.util.List;

/**
 * Structure analysis of a section, stored as JSON and read by every generation step.
 *
 * @param keyPoints the section's main points, in document order (3–7 for LLMs; up to 5 sentences
 *     quoted verbatim for the extractive provider)
 * @param level {@code beginner}, {@code intermediate} or {@code advanced}
 * @param terms technical terms, most important first (at most 10)
 * @param words length of the section's prose: Latin words plus CJK characters ({@link
 *     dev.bunsui.llm.Words#count})
 * @param codeBlocks number of code blocks in the section
 * @param provenance where the analysis came from
 */
public record SectionAnalysis(
    List<String> keyPoints,
    String level,
    List<String> terms,
    int words,
    int codeBlocks,
    Provenance provenance) {

  /** The allowed levels. */
  public static final List<String> LEVELS = List.of("beginner", "intermediate", "advanced");
}

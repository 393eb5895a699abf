package dev.bunsui.book;

import dev.bunsui.store.ArtifactRef;

/**
 * Result of {@link BookWorkflow}.
 *
 * @param bookId stable book id
 * @param title book title
 * @param lang book language
 * @param outputDir where a person finds the outputs (a folder URI for the local store)
 * @param manifest the stored {@code manifest.json}
 * @param index the stored {@code index.html}
 * @param chapters number of chapters
 * @param sectionsDone sections fully produced
 * @param sectionsSkipped sections skipped with a reason
 * @param figures figures converted
 * @param outputs outputs produced
 * @param skippedItems everything skipped (sections, outputs, figures), counted
 */
public record BookResult(
    String bookId,
    String title,
    String lang,
    String outputDir,
    ArtifactRef manifest,
    ArtifactRef index,
    int chapters,
    int sectionsDone,
    int sectionsSkipped,
    int figures,
    int outputs,
    int skippedItems) {}

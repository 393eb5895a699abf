package dev.bunsui.book;

import dev.bunsui.store.ArtifactRef;

/**
 * Small result of a chapter; the full record (bundle, script, thumbnail, sections) is stored.
 *
 * @param number 1-based chapter number
 * @param title chapter title
 * @param record the stored chapter record (JSON)
 * @param sectionsDone sections that ended {@link SectionStatus#DONE}
 * @param sectionsSkipped sections that ended {@link SectionStatus#SKIPPED}
 * @param figures figures converted
 * @param outputs outputs produced (section outputs plus chapter bundle, script and thumbnail)
 */
public record ChapterSummary(
    int number,
    String title,
    ArtifactRef record,
    int sectionsDone,
    int sectionsSkipped,
    int figures,
    int outputs) {}

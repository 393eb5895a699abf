package dev.bunsui.book;

import dev.bunsui.store.ArtifactRef;
import java.util.List;

/**
 * Input of the chapter aggregation activity.
 *
 * @param book the run's context
 * @param chapterNumber 1-based chapter number
 * @param chapterTitle chapter title
 * @param sections summaries of every section, in order
 * @param thumbnail the chapter thumbnail, or null when not wanted or not produced
 * @param skipped chapter-level items that could not be produced (such as the thumbnail)
 */
public record ChapterAggregateRequest(
    BookContext book,
    int chapterNumber,
    String chapterTitle,
    List<SectionSummary> sections,
    ArtifactRef thumbnail,
    List<SkippedItem> skipped) {}

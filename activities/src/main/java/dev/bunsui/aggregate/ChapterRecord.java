package dev.bunsui.aggregate;

import dev.bunsui.book.SectionSummary;
import dev.bunsui.book.SkippedItem;
import dev.bunsui.store.ArtifactRef;
import java.util.List;

/**
 * Everything about one processed chapter, stored as JSON by {@link ChapterAggregator}.
 *
 * @param number 1-based chapter number
 * @param title chapter title
 * @param articleBundle all section articles in order as one Markdown document, or null
 * @param chapterScript all section narrations in order, or null
 * @param thumbnail the 1280×720 PNG thumbnail, or null
 * @param sections section summaries (each pointing at its stored {@link SectionRecord})
 * @param skipped chapter-level items not produced
 */
public record ChapterRecord(
    int number,
    String title,
    ArtifactRef articleBundle,
    ArtifactRef chapterScript,
    ArtifactRef thumbnail,
    List<SectionSummary> sections,
    List<SkippedItem> skipped) {}

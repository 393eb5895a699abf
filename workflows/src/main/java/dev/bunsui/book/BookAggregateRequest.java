package dev.bunsui.book;

import dev.bunsui.store.ArtifactRef;
import java.util.List;

/**
 * Input of the book aggregation activity.
 *
 * @param book the run's context
 * @param workflowId the book run's workflow id (recorded in the manifest)
 * @param layout how the book was read ({@code file}, {@code folder}, {@code mdbook}, {@code
 *     honkit})
 * @param tree the stored book tree written by parsing (for the table of contents)
 * @param parseSkipped items parsing had to leave out
 * @param chapters summaries of every chapter, in order
 */
public record BookAggregateRequest(
    BookContext book,
    String workflowId,
    String layout,
    ArtifactRef tree,
    List<SkippedItem> parseSkipped,
    List<ChapterSummary> chapters) {}

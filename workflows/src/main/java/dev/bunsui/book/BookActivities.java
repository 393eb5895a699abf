package dev.bunsui.book;

import dev.bunsui.store.ArtifactRef;
import io.temporal.activity.ActivityInterface;

/**
 * Book-level activities: parsing and aggregation. Implementations throw {@code ApplicationFailure}s
 * typed with a {@link dev.bunsui.failure.ErrorCode} name.
 */
@ActivityInterface
public interface BookActivities {

  /**
   * Reads and parses the book at {@code request.source()} and stores its sections and figure
   * sources.
   *
   * @return the chapter and section tree with references to stored content
   * @throws io.temporal.failure.ApplicationFailure typed {@code INPUT_INVALID} (not retried) when
   *     the book cannot be read at all: missing path, empty book, over the size limit
   */
  BookOutline parseBook(BookRequest request);

  /**
   * Renders the chapter's 1280×720 PNG thumbnail with its title.
   *
   * @return the stored PNG
   */
  ArtifactRef renderThumbnail(ThumbnailRequest request);

  /**
   * Bundles a chapter's section articles and scripts and stores the chapter record.
   *
   * @return the chapter summary
   */
  ChapterSummary aggregateChapter(ChapterAggregateRequest request);

  /**
   * Writes the book metadata, {@code manifest.json} and {@code index.html}.
   *
   * @return references to what was written
   */
  BookAggregate aggregateBook(BookAggregateRequest request);
}

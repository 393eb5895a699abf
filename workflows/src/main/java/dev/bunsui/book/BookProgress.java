package dev.bunsui.book;

import java.util.List;

/**
 * Answer of the book progress query.
 *
 * @param stage {@code PARSING}, {@code CHAPTERS}, {@code AGGREGATING}, {@code COMPLETED}
 * @param title book title, once parsed
 * @param chapters per-chapter progress, once parsed
 */
public record BookProgress(String stage, String title, List<ChapterProgress> chapters) {

  /** Sections in the whole book. */
  public int sectionsTotal() {
    return chapters.stream().mapToInt(ChapterProgress::sectionsTotal).sum();
  }
}

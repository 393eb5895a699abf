package dev.bunsui.book;

/**
 * Input of the thumbnail activity.
 *
 * @param book the run's context (book title and language are drawn too)
 * @param chapterNumber 1-based chapter number
 * @param chapterTitle the title drawn large on the thumbnail
 */
public record ThumbnailRequest(BookContext book, int chapterNumber, String chapterTitle) {}

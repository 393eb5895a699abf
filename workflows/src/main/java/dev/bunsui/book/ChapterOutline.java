package dev.bunsui.book;

import java.util.List;

/**
 * One chapter of a book, as parsed.
 *
 * @param number 1-based chapter number in book order
 * @param title chapter title
 * @param sourceFile file the chapter starts in, relative to the book folder
 * @param sections sections in document order (at least one)
 */
public record ChapterOutline(
    int number, String title, String sourceFile, List<SectionOutline> sections) {}

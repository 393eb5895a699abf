package dev.bunsui.book;

/**
 * Input of {@link ChapterWorkflow}.
 *
 * @param book the run's context
 * @param chapter the chapter to process
 */
public record ChapterRequest(BookContext book, ChapterOutline chapter) {}

package dev.bunsui.book;

/**
 * Input of {@link SectionWorkflow} and of the section analysis activity.
 *
 * @param book the run's context
 * @param chapterNumber 1-based number of the chapter the section belongs to
 * @param section the section to process
 */
public record SectionTask(BookContext book, int chapterNumber, SectionOutline section) {}

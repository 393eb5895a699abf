package dev.bunsui.book;

/**
 * Progress of one chapter, as the book workflow knows it. While a chapter runs, its own progress
 * query (on {@code workflowId}) gives the sections done so far.
 *
 * @param number 1-based chapter number
 * @param title chapter title
 * @param workflowId the chapter's child workflow id
 * @param sectionsTotal sections in the chapter
 * @param sectionsDone sections finished (done or skipped); exact once the chapter completed
 * @param completed whether the chapter's child workflow has completed
 */
public record ChapterProgress(
    int number,
    String title,
    String workflowId,
    int sectionsTotal,
    int sectionsDone,
    boolean completed) {}

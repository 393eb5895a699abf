package dev.bunsui.book;

/**
 * Input of the figure conversion activity.
 *
 * @param book the run's context
 * @param sectionId id of the section the figure belongs to
 * @param figure the figure to convert
 */
public record FigureRequest(BookContext book, String sectionId, FigureOutline figure) {}

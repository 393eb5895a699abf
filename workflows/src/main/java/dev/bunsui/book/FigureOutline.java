package dev.bunsui.book;

import dev.bunsui.store.ArtifactRef;

/**
 * One figure found in a section.
 *
 * @param id stable id within the book, such as {@code ch04-01-what-is-ownership#fig-3}
 * @param type where the figure comes from
 * @param sourceFile path of the Markdown file, relative to the book folder
 * @param line 1-based line in that file where the figure starts
 * @param link the link target as written in the Markdown ({@code img/trpl04-01.svg}); for fenced
 *     and inline figures a placeholder {@code figure:<id>} that the section text carries instead
 * @param alt alternative text, possibly empty
 * @param source the stored bytes of the figure source (SVG, diagram text or raster image)
 */
public record FigureOutline(
    String id,
    FigureType type,
    String sourceFile,
    int line,
    String link,
    String alt,
    ArtifactRef source) {}

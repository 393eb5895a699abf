package dev.bunsui.book;

import dev.bunsui.store.ArtifactRef;
import java.util.List;

/**
 * One section of a chapter, as parsed.
 *
 * @param id stable id within the book, such as {@code ch04/what-is-ownership}
 * @param number 1-based position within the chapter
 * @param title section heading text
 * @param sourceFile path of the Markdown file, relative to the book folder
 * @param line 1-based line of the section's heading (or first line) in that file
 * @param content the stored parsed section (JSON: Markdown text, paragraphs, code blocks, figures)
 * @param figures the section's figures, in document order
 */
public record SectionOutline(
    String id,
    int number,
    String title,
    String sourceFile,
    int line,
    ArtifactRef content,
    List<FigureOutline> figures) {}

package dev.bunsui.parse;

/**
 * One block of a section.
 *
 * @param type what kind of block
 * @param text plain text for prose blocks (inline code kept, Markdown markup removed); the code for
 *     code blocks; the cells joined by {@code " | "} per row for tables (rows on separate lines);
 *     the figure id for figures
 * @param language info string of a fenced code block ({@code rust}, {@code js}, …), else null
 * @param level heading level 1–6 for headings, else 0
 * @param line 1-based source line in the section's file
 */
public record Block(BlockType type, String text, String language, int level, int line) {}

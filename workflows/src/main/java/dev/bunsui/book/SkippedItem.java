package dev.bunsui.book;

/**
 * Something the pipeline did not produce, and why; listed in the manifest.
 *
 * @param item what was skipped: a section id, a figure id, or {@code <section id>:<kind>}
 * @param file source file relative to the book folder, or null
 * @param line 1-based line in that file, or 0 when unknown
 * @param code the {@link dev.bunsui.failure.ErrorCode} name
 * @param reason a sentence a person can act on
 */
public record SkippedItem(String item, String file, int line, String code, String reason) {}

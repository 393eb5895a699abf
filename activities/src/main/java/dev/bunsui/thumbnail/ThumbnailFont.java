package dev.bunsui.thumbnail;

/**
 * The font a thumbnail is (or would be) drawn with.
 *
 * @param family the font family ({@code Noto Sans CJK JP}, {@code DejaVu Sans} …)
 * @param name the font face name
 * @param allGlyphsDisplayable whether it has a glyph for every character drawn
 */
public record ThumbnailFont(String family, String name, boolean allGlyphsDisplayable) {}

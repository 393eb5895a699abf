package dev.bunsui.thumbnail;

/**
 * A rendered chapter thumbnail.
 *
 * @param png the image, {@value ThumbnailRenderer#WIDTH}×{@value ThumbnailRenderer#HEIGHT} pixels
 * @param fontFamily the family of the font the text was drawn with
 * @param allGlyphsDisplayable whether that font has a glyph for every character drawn; when false
 *     some characters show as boxes and the caller should record a warning (install {@code
 *     fonts-noto-cjk} with {@code scripts/install-fonts.sh} or configure a font file)
 */
public record Thumbnail(byte[] png, String fontFamily, boolean allGlyphsDisplayable) {}

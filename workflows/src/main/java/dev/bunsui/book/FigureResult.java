package dev.bunsui.book;

import dev.bunsui.store.ArtifactRef;

/**
 * A converted figure.
 *
 * @param figureId id of the figure
 * @param type what it was converted from
 * @param link the link target the section's Markdown uses for it, to be rewritten to {@code png}
 * @param png the stored PNG (for raster figures: the original image, passed through)
 * @param width width in pixels
 * @param height height in pixels
 */
public record FigureResult(
    String figureId, FigureType type, String link, ArtifactRef png, int width, int height) {}

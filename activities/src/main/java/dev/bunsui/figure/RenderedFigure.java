package dev.bunsui.figure;

/**
 * A figure converted to PNG.
 *
 * @param png the PNG bytes
 * @param width width in pixels, read from the PNG
 * @param height height in pixels, read from the PNG
 */
public record RenderedFigure(byte[] png, int width, int height) {}

package dev.bunsui.figure;

import dev.bunsui.book.FigureType;

/** Converts figure sources to PNG; {@link FigureService} is the implementation. */
public interface FigureConverter {

  /**
   * Converts a figure.
   *
   * @param type what the source is
   * @param source the figure's bytes
   * @param origin where the figure is, as {@code file:line}; starts every error message
   * @return the PNG with its size in pixels
   * @throws FigureException typed {@code INPUT_INVALID} or {@code FIGURE_RENDER}
   */
  RenderedFigure convert(FigureType type, byte[] source, String origin);

  /**
   * Everything besides the source bytes that shapes the PNG of a figure type (renderer, its version
   * and settings), as text; part of the step cache key, so changing it re-renders.
   *
   * @param type the figure type
   * @return a stable, human-readable description such as {@code svg batik=1.19 maxPixels=40000000}
   */
  String renderSettings(FigureType type);
}

package dev.bunsui.book;

import io.temporal.activity.ActivityInterface;

/** Figure conversion: SVG, Mermaid and PlantUML to PNG; raster images passed through. */
@ActivityInterface
public interface FigureActivities {

  /**
   * Converts one figure to PNG and stores it under its content hash.
   *
   * @return the converted figure
   * @throws io.temporal.failure.ApplicationFailure typed {@code FIGURE_RENDER} or {@code
   *     INPUT_INVALID} (not retried) naming file, line and reason
   */
  FigureResult convertFigure(FigureRequest request);
}

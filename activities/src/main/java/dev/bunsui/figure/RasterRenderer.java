package dev.bunsui.figure;

import java.awt.image.BufferedImage;

/**
 * Raster images: PNG passes through byte for byte; JPEG, GIF and BMP (whatever the JDK's ImageIO
 * reads) are decoded and re-encoded as PNG. The header size is checked against the pixel cap before
 * anything is decoded.
 */
final class RasterRenderer {
  private final int maxPixels;

  RasterRenderer(int maxPixels) {
    this.maxPixels = maxPixels;
  }

  /**
   * Converts a raster image.
   *
   * @throws FigureException {@code INPUT_INVALID} when ImageIO cannot read it or it is larger than
   *     the cap
   */
  RenderedFigure render(byte[] source, String origin) {
    Images.Size size = Images.size(source);
    if (size != null && "png".equalsIgnoreCase(size.format())) {
      Images.checkPixels(size.width(), size.height(), maxPixels, origin);
      return new RenderedFigure(source, size.width(), size.height());
    }
    BufferedImage image = Images.decode(source, maxPixels, origin);
    return new RenderedFigure(Images.encodePng(image), image.getWidth(), image.getHeight());
  }
}

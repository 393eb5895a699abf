package dev.bunsui.figure;

import dev.bunsui.failure.ErrorCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * ImageIO helpers shared by the renderers: header-only size reads, capped decoding, PNG encoding.
 */
final class Images {
  static {
    Headless.ensure();
    ImageIO.setUseCache(false);
  }

  private Images() {}

  /** Width and height of an image, read from its header without decoding the pixels. */
  record Size(int width, int height, String format) {
    long pixels() {
      return (long) width * height;
    }
  }

  /**
   * Reads the size of an image from its header.
   *
   * @return the size, or null when ImageIO has no reader for the bytes or the header is broken
   */
  static Size size(byte[] bytes) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return null;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return new Size(reader.getWidth(0), reader.getHeight(0), reader.getFormatName());
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Decodes an image after checking its header size against the pixel cap.
   *
   * @throws FigureException {@code INPUT_INVALID} when unreadable or larger than {@code maxPixels}
   */
  static BufferedImage decode(byte[] bytes, int maxPixels, String origin) {
    Size size = size(bytes);
    if (size == null) {
      throw new FigureException(
          ErrorCode.INPUT_INVALID,
          origin,
          "not a readable image (PNG, JPEG, GIF or BMP expected; WebP and others are not supported)");
    }
    checkPixels(size.width(), size.height(), maxPixels, origin);
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      if (image == null) {
        throw new FigureException(ErrorCode.INPUT_INVALID, origin, "not a readable image");
      }
      return image;
    } catch (IOException | RuntimeException e) {
      if (e instanceof FigureException fe) {
        throw fe;
      }
      throw new FigureException(
          ErrorCode.INPUT_INVALID, origin, "not a readable image (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Rejects images with more than {@code maxPixels} pixels or an empty side.
   *
   * @throws FigureException {@code INPUT_INVALID}
   */
  static void checkPixels(int width, int height, int maxPixels, String origin) {
    if (width <= 0 || height <= 0) {
      throw new FigureException(
          ErrorCode.INPUT_INVALID, origin, "image has no area (" + width + "×" + height + ")");
    }
    if ((long) width * height > maxPixels) {
      throw new FigureException(
          ErrorCode.INPUT_INVALID,
          origin,
          "image is "
              + width
              + "×"
              + height
              + " pixels, more than the cap of "
              + maxPixels
              + " pixels; shrink it");
    }
  }

  /** Encodes an image as PNG. */
  static byte[] encodePng(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer in this JDK");
      }
    } catch (IOException e) {
      throw new IllegalStateException("PNG encoding failed in memory", e);
    }
    return out.toByteArray();
  }

  /**
   * Wraps PNG bytes produced by a renderer, reading width and height back from them.
   *
   * @throws FigureException {@code FIGURE_RENDER} when the renderer produced no readable PNG
   */
  static RenderedFigure rendered(byte[] png, String renderer, String origin) {
    Size size = size(png);
    if (size == null || !"png".equalsIgnoreCase(size.format())) {
      throw new FigureException(
          ErrorCode.FIGURE_RENDER, origin, renderer + " produced no readable PNG");
    }
    return new RenderedFigure(png, size.width(), size.height());
  }
}

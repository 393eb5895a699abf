package dev.bunsui.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Shared helpers: the project root, PNG decoding and pixel checks. */
final class FigureTestSupport {
  private FigureTestSupport() {}

  /** The project folder (see {@link dev.bunsui.support.ProjectPaths#projectRoot()}). */
  static Path projectRoot() {
    return dev.bunsui.support.ProjectPaths.projectRoot();
  }

  /** Decodes a PNG, asserting it is one. */
  static BufferedImage decodePng(byte[] png) {
    assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(image).as("ImageIO decodes the PNG").isNotNull();
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts the image has an area and at least two different pixel colours. */
  static void assertNotUniform(BufferedImage image) {
    assertThat(image.getWidth()).isPositive();
    assertThat(image.getHeight()).isPositive();
    int first = image.getRGB(0, 0);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (image.getRGB(x, y) != first) {
          return;
        }
      }
    }
    throw new AssertionError("every pixel has the colour " + Integer.toHexString(first));
  }

  /** A service with the default settings of this checkout. */
  static FigureService service() {
    return new FigureService(FigureSettings.defaults(projectRoot()));
  }
}

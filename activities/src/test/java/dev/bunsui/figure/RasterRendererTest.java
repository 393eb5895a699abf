package dev.bunsui.figure;

import static dev.bunsui.figure.FigureTestSupport.decodePng;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bunsui.book.FigureType;
import dev.bunsui.failure.ErrorCode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class RasterRendererTest {
  private static final String ORIGIN = "src/ch05.md:3";
  private final FigureService service = FigureTestSupport.service();

  @Test
  void pngPassesThroughUnchanged() throws IOException {
    byte[] png = encode(image(30, 20), "png");
    RenderedFigure figure = service.convert(FigureType.RASTER, png, ORIGIN);
    assertThat(figure.png()).isEqualTo(png);
    assertThat(figure.width()).isEqualTo(30);
    assertThat(figure.height()).isEqualTo(20);
  }

  @Test
  void jpegAndGifBecomePng() throws IOException {
    for (String format : new String[] {"jpg", "gif"}) {
      byte[] source = encode(image(40, 25), format);
      RenderedFigure figure = service.convert(FigureType.RASTER, source, ORIGIN);
      BufferedImage decoded = decodePng(figure.png());
      assertThat(decoded.getWidth()).as(format).isEqualTo(40).isEqualTo(figure.width());
      assertThat(decoded.getHeight()).as(format).isEqualTo(25).isEqualTo(figure.height());
      Color centre = new Color(decoded.getRGB(20, 12));
      assertThat(centre.getRed()).as(format).isGreaterThan(200);
      assertThat(centre.getBlue()).as(format).isLessThan(60);
    }
  }

  @Test
  void unreadableBytesAreInvalidInput() {
    FigureException e =
        catchThrowableOfType(
            FigureException.class,
            () ->
                service.convert(
                    FigureType.RASTER,
                    "RIFF....WEBPVP8 ".getBytes(StandardCharsets.US_ASCII),
                    ORIGIN));
    assertThat(e.code()).isEqualTo(ErrorCode.INPUT_INVALID);
    assertThat(e.getMessage()).startsWith(ORIGIN + ": not a readable image");
  }

  @Test
  void imagesAboveThePixelCapAreRejected() throws IOException {
    FigureService capped =
        new FigureService(
            new FigureSettings(
                Path.of("mmdc"),
                Path.of("/usr/bin/chromium"),
                FigureSettings.DEFAULT_RENDER_TIMEOUT,
                100));
    for (String format : new String[] {"png", "gif"}) {
      FigureException e =
          catchThrowableOfType(
              FigureException.class,
              () -> capped.convert(FigureType.RASTER, encode(image(20, 20), format), ORIGIN));
      assertThat(e.code()).as(format).isEqualTo(ErrorCode.INPUT_INVALID);
      assertThat(e.getMessage()).as(format).contains("20×20", "cap of 100 pixels");
    }
  }

  private static BufferedImage image(int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, w, h);
    g.dispose();
    return image;
  }

  private static byte[] encode(BufferedImage image, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, format, out)).isTrue();
    return out.toByteArray();
  }
}

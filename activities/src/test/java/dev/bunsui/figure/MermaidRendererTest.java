package dev.bunsui.figure;

import static dev.bunsui.figure.FigureTestSupport.assertNotUniform;
import static dev.bunsui.figure.FigureTestSupport.decodePng;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bunsui.book.FigureType;
import dev.bunsui.failure.ErrorCode;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MermaidRendererTest {
  private static final String ORIGIN = "src/ch03.md:7";
  private static final FigureSettings SETTINGS =
      FigureSettings.defaults(FigureTestSupport.projectRoot());

  /**
   * On CI the renderer must be installed (the test fails instead of being skipped); elsewhere the
   * rendering tests are skipped when {@code scripts/install-mermaid.sh} has not been run.
   */
  private static void requireRenderer() {
    boolean available =
        FigureSettings.resolveExecutable(SETTINGS.mermaidCommand()) != null
            && Files.isExecutable(SETTINGS.chromiumPath());
    if ("true".equals(System.getenv("CI"))) {
      assertThat(available)
          .as(
              "mmdc (%s) and chromium (%s) on CI",
              SETTINGS.mermaidCommand(), SETTINGS.chromiumPath())
          .isTrue();
    } else {
      assumeTrue(available, "run scripts/install-mermaid.sh to enable Mermaid tests");
    }
  }

  @Test
  void rendersAFlowchart() {
    requireRenderer();
    RenderedFigure figure = convert(new FigureService(SETTINGS), "graph TD; A-->B");
    BufferedImage image = decodePng(figure.png());
    assertThat(image.getWidth()).isEqualTo(figure.width()).isPositive();
    assertThat(image.getHeight()).isEqualTo(figure.height()).isGreaterThan(image.getWidth());
    assertNotUniform(image);
  }

  @Test
  void syntaxErrorCarriesMmdcsReason() {
    requireRenderer();
    FigureException e =
        catchThrowableOfType(
            FigureException.class, () -> convert(new FigureService(SETTINGS), "graph TD; A-->"));
    assertThat(e).isNotNull();
    assertThat(e.code()).isEqualTo(ErrorCode.FIGURE_RENDER);
    assertThat(e.getMessage())
        .startsWith(ORIGIN + ": Mermaid cannot render the diagram")
        .contains("Parse error on line")
        .doesNotContain("    at ");
  }

  @Test
  void missingMmdcSaysHowToInstall() {
    FigureSettings missing =
        new FigureSettings(
            Path.of("/nonexistent/bin/mmdc"),
            SETTINGS.chromiumPath(),
            Duration.ofSeconds(5),
            FigureSettings.DEFAULT_MAX_PIXELS);
    FigureException e =
        catchThrowableOfType(
            FigureException.class, () -> convert(new FigureService(missing), "graph TD; A-->B"));
    assertThat(e).isNotNull();
    assertThat(e.code()).isEqualTo(ErrorCode.FIGURE_RENDER);
    assertThat(e.getMessage())
        .startsWith(ORIGIN + ": Mermaid renderer not available: ")
        .contains("/nonexistent/bin/mmdc", "scripts/install-mermaid.sh");
  }

  @Test
  void missingChromiumSaysHowToInstall() {
    FigureSettings missing =
        new FigureSettings(
            Path.of("/bin/true"),
            Path.of("/nonexistent/chromium"),
            Duration.ofSeconds(5),
            FigureSettings.DEFAULT_MAX_PIXELS);
    FigureException e =
        catchThrowableOfType(
            FigureException.class, () -> convert(new FigureService(missing), "graph TD; A-->B"));
    assertThat(e.getMessage())
        .contains("Mermaid renderer not available", "/nonexistent/chromium", "install-mermaid.sh");
  }

  @Test
  void slowRendererIsKilledAtTheTimeout(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path fake = dir.resolve("mmdc");
    Files.writeString(fake, "#!/bin/sh\nsleep 30\n");
    assumeTrue(fake.toFile().setExecutable(true));
    FigureSettings slow =
        new FigureSettings(
            fake, Path.of("/bin/sh"), Duration.ofMillis(500), FigureSettings.DEFAULT_MAX_PIXELS);
    long start = System.nanoTime();
    FigureException e =
        catchThrowableOfType(
            FigureException.class, () -> convert(new FigureService(slow), "graph TD; A-->B"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(e.code()).isEqualTo(ErrorCode.FIGURE_RENDER);
    assertThat(e.getMessage()).contains("took longer than");
  }

  @Test
  void puppeteerConfigNamesChromiumAndDisablesTheSandbox() {
    assertThat(MermaidRenderer.puppeteerConfig(Path.of("/usr/bin/chromium")))
        .contains(
            "\"executablePath\": \"/usr/bin/chromium\"",
            "\"--no-sandbox\"",
            "\"--disable-gpu\"",
            "\"--disable-background-networking\"",
            "\"--disable-dev-shm-usage\"");
  }

  private static RenderedFigure convert(FigureService service, String text) {
    return service.convert(FigureType.MERMAID, text.getBytes(StandardCharsets.UTF_8), ORIGIN);
  }
}

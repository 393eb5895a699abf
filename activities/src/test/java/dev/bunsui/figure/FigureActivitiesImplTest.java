package dev.bunsui.figure;

import static dev.bunsui.figure.FigureTestSupport.decodePng;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bunsui.book.FigureOutline;
import dev.bunsui.book.FigureRequest;
import dev.bunsui.book.FigureResult;
import dev.bunsui.book.FigureType;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.LocalArtifactStore;
import dev.bunsui.support.Hashes;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureActivitiesImplTest {
  private static final String SVG =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" height=\"200\">"
          + "<rect width=\"400\" height=\"200\" fill=\"#123456\"/></svg>";

  @TempDir Path dir;
  private LocalArtifactStore store;
  private FigureActivitiesImpl activities;

  @BeforeEach
  void setUp() {
    store = new LocalArtifactStore(dir.resolve("out"));
    activities = new FigureActivitiesImpl(store, FigureTestSupport.service());
  }

  @Test
  void storesThePngUnderItsHash() throws Exception {
    FigureResult result = activities.convertFigure(request(FigureType.SVG, SVG));

    assertThat(result.figureId()).isEqualTo("ch01#fig-1");
    assertThat(result.type()).isEqualTo(FigureType.SVG);
    assertThat(result.link()).isEqualTo("img/fig.svg");
    assertThat(result.width()).isEqualTo(800);
    assertThat(result.height()).isEqualTo(200);
    ArtifactRef png = result.png();
    assertThat(png.mediaType()).isEqualTo("image/png");
    byte[] stored = Files.readAllBytes(store.root().resolve(store.key(png)));
    assertThat(Hashes.sha256(stored)).isEqualTo(png.sha256());
    assertThat(store.key(png))
        .isEqualTo("objects/" + png.sha256().substring(0, 2) + "/" + png.sha256() + ".png");
    assertThat(decodePng(stored).getWidth()).isEqualTo(800);
  }

  @Test
  void brokenSvgIsANonRetryableInputInvalidFailure() {
    ApplicationFailure f =
        catchThrowableOfType(
            ApplicationFailure.class,
            () -> activities.convertFigure(request(FigureType.SVG, "<svg><oops")));
    assertThat(f.getType()).isEqualTo("INPUT_INVALID");
    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getOriginalMessage()).startsWith("src/ch01.md:5: ");
  }

  @Test
  void renderFailureIsANonRetryableFigureRenderFailure() {
    FigureActivitiesImpl noMermaid =
        new FigureActivitiesImpl(
            store,
            new FigureService(
                new FigureSettings(
                    Path.of("/nonexistent/mmdc"),
                    Path.of("/nonexistent/chromium"),
                    Duration.ofSeconds(5),
                    FigureSettings.DEFAULT_MAX_PIXELS)));
    ApplicationFailure f =
        catchThrowableOfType(
            ApplicationFailure.class,
            () -> noMermaid.convertFigure(request(FigureType.MERMAID, "graph TD; A-->B")));
    assertThat(f.getType()).isEqualTo("FIGURE_RENDER");
    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getOriginalMessage()).contains("src/ch01.md:5", "install-mermaid.sh");
  }

  @Test
  void missingSourceIsARetryableStoreFailure() {
    ArtifactRef ghost =
        new ArtifactRef(
            store.uriOf("objects/00/" + "0".repeat(64) + ".svg"),
            "0".repeat(64),
            10,
            "image/svg+xml");
    FigureOutline figure =
        new FigureOutline("ch01#fig-1", FigureType.SVG, "src/ch01.md", 5, "img/fig.svg", "", ghost);
    ApplicationFailure f =
        catchThrowableOfType(
            ApplicationFailure.class,
            () -> activities.convertFigure(new FigureRequest(null, "ch01", figure)));
    assertThat(f.getType()).isEqualTo("STORE_IO");
    assertThat(f.isNonRetryable()).isFalse();
  }

  private FigureRequest request(FigureType type, String source) {
    ArtifactRef ref = store.put(source.getBytes(StandardCharsets.UTF_8), "text/plain", "src");
    FigureOutline figure =
        new FigureOutline("ch01#fig-1", type, "src/ch01.md", 5, "img/fig.svg", "", ref);
    return new FigureRequest(null, "ch01", figure);
  }
}

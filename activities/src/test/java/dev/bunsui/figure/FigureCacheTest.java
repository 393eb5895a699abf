package dev.bunsui.figure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bunsui.book.BookContext;
import dev.bunsui.book.FigureOutline;
import dev.bunsui.book.FigureRequest;
import dev.bunsui.book.FigureResult;
import dev.bunsui.book.FigureType;
import dev.bunsui.book.OutputKind;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.LocalArtifactStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figure conversion through the step cache, counting the real renderer's calls. */
class FigureCacheTest {
  private static final String SVG =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\" height=\"300\">"
          + "<rect width=\"450\" height=\"300\" fill=\"#335577\"/></svg>";

  /** The real converter, counting conversions. */
  static final class CountingConverter implements FigureConverter {
    final FigureService real;
    final AtomicInteger renders = new AtomicInteger();

    CountingConverter(FigureService real) {
      this.real = real;
    }

    @Override
    public RenderedFigure convert(FigureType type, byte[] source, String origin) {
      renders.incrementAndGet();
      return real.convert(type, source, origin);
    }

    @Override
    public String renderSettings(FigureType type) {
      return real.renderSettings(type);
    }
  }

  @TempDir Path dir;
  LocalArtifactStore store;
  CountingConverter converter;
  FigureActivitiesImpl activities;

  @BeforeEach
  void setUp() {
    store = new LocalArtifactStore(dir.resolve("out"));
    converter = new CountingConverter(FigureTestSupport.service());
    activities = new FigureActivitiesImpl(store, converter);
  }

  private FigureRequest request(String id, String link, String svg, boolean refresh) {
    ArtifactRef source = store.put(svg.getBytes(StandardCharsets.UTF_8), "image/svg+xml", "svg");
    FigureOutline figure =
        new FigureOutline(id, FigureType.SVG, "src/ch01.md", 3, link, "", source);
    BookContext book =
        new BookContext("b", "Book", "en", List.of(OutputKind.ARTICLE), null, null, refresh);
    return new FigureRequest(book, "ch01", figure);
  }

  @Test
  void theSameSvgIsRenderedOnceEvenWhereverItIsUsed() {
    FigureResult first = activities.convertFigure(request("ch01#fig-1", "img/a.svg", SVG, false));
    FigureResult second =
        activities.convertFigure(request("ch02#fig-4", "img/copy-of-a.svg", SVG, false));

    assertThat(converter.renders).hasValue(1);
    assertThat(second.png()).isEqualTo(first.png());
    assertThat(second.width()).isEqualTo(first.width()).isEqualTo(900);
    assertThat(second.height()).isEqualTo(first.height()).isEqualTo(300);
    // the per-use fields come from the request, not from the cached conversion
    assertThat(second.figureId()).isEqualTo("ch02#fig-4");
    assertThat(second.link()).isEqualTo("img/copy-of-a.svg");
  }

  @Test
  void refreshAnotherSourceOrADeletedPngRendersAgain() throws Exception {
    FigureResult first = activities.convertFigure(request("f1", "a.svg", SVG, false));
    activities.convertFigure(request("f1", "a.svg", SVG, true));
    assertThat(converter.renders).hasValue(2);

    activities.convertFigure(request("f1", "a.svg", SVG.replace("335577", "775533"), false));
    assertThat(converter.renders).hasValue(3);

    Files.delete(store.root().resolve(store.key(first.png())));
    FigureResult again = activities.convertFigure(request("f1", "a.svg", SVG, false));
    assertThat(converter.renders).hasValue(4);
    assertThat(again.png()).isEqualTo(first.png());
    assertThat(store.exists(again.png())).isTrue();
  }

  @Test
  void renderSettingsThatChangeThePngAreInTheKey() {
    activities.convertFigure(request("f1", "a.svg", SVG, false));
    FigureSettings defaults = FigureSettings.defaults(FigureTestSupport.projectRoot());
    CountingConverter smaller =
        new CountingConverter(
            new FigureService(
                new FigureSettings(
                    defaults.mermaidCommand(),
                    defaults.chromiumPath(),
                    Duration.ofSeconds(30),
                    10_000)));
    FigureResult capped =
        new FigureActivitiesImpl(store, smaller).convertFigure(request("f1", "a.svg", SVG, false));

    assertThat(smaller.renders).hasValue(1);
    assertThat((long) capped.width() * capped.height()).isLessThanOrEqualTo(10_000);
    assertThat(converter.real.renderSettings(FigureType.SVG))
        .contains("maxPixels=" + FigureSettings.DEFAULT_MAX_PIXELS, "batik=")
        .isNotEqualTo(smaller.renderSettings(FigureType.SVG));
  }
}

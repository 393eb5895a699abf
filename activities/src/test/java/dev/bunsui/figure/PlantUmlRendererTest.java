package dev.bunsui.figure;

import static dev.bunsui.figure.FigureTestSupport.assertNotUniform;
import static dev.bunsui.figure.FigureTestSupport.decodePng;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bunsui.book.FigureType;
import dev.bunsui.failure.ErrorCode;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlantUmlRendererTest {
  private static final String ORIGIN = "src/ch02.md:40";
  private final FigureService service = FigureTestSupport.service();

  @Test
  void rendersASequenceDiagram() {
    RenderedFigure figure = convert("@startuml\nAlice -> Bob: hello\nBob --> Alice: hi\n@enduml\n");
    BufferedImage image = decodePng(figure.png());
    assertThat(image.getWidth()).isEqualTo(figure.width()).isGreaterThan(50);
    assertThat(image.getHeight()).isEqualTo(figure.height()).isGreaterThan(50);
    assertNotUniform(image);
  }

  @Test
  void wrapsSourceWithoutStartUml() {
    RenderedFigure figure = convert("Alice -> Bob: hello");
    assertNotUniform(decodePng(figure.png()));
  }

  @Test
  void syntaxErrorBecomesFigureRenderWithTheReason() {
    FigureException e =
        catchThrowableOfType(
            FigureException.class, () -> convert("Alice -> Bob: hello\nthis is ))) not uml\n"));
    assertThat(e).isNotNull();
    assertThat(e.code()).isEqualTo(ErrorCode.FIGURE_RENDER);
    assertThat(e.getMessage())
        .startsWith(ORIGIN + ": PlantUML syntax error")
        .contains("line 2")
        .contains("this is ))) not uml");
  }

  @Test
  void errorLineCountsFromTheFiguresOwnFirstLine() {
    FigureException e =
        catchThrowableOfType(
            FigureException.class,
            () -> convert("@startuml\nAlice -> Bob: hi\nfoo ))) bar\n@enduml\n"));
    assertThat(e.getMessage()).contains("line 3", "foo ))) bar");
  }

  @Test
  void includesAreRefused() {
    FigureException e =
        catchThrowableOfType(
            FigureException.class, () -> convert("!include /etc/passwd\nAlice -> Bob: hi"));
    assertThat(e).isNotNull();
    assertThat(e.code()).isEqualTo(ErrorCode.INPUT_INVALID);
    assertThat(e.getMessage()).startsWith(ORIGIN + ": ").contains("!include");
  }

  private RenderedFigure convert(String text) {
    return service.convert(FigureType.PLANTUML, text.getBytes(StandardCharsets.UTF_8), ORIGIN);
  }
}

package dev.bunsui.figure;

import static dev.bunsui.figure.FigureTestSupport.assertNotUniform;
import static dev.bunsui.figure.FigureTestSupport.decodePng;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bunsui.book.FigureType;
import dev.bunsui.failure.ErrorCode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SvgRendererTest {
  private static final String ORIGIN = "src/ch01.md:12";
  private final FigureService service = FigureTestSupport.service();

  static List<Path> corpusSvgs() throws IOException {
    Path dir = FigureTestSupport.projectRoot().resolve("../shared/corpus/rust-book/src/img");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".svg")).sorted().toList();
    }
  }

  @Test
  void corpusHasElevenSvgs() throws IOException {
    assertThat(corpusSvgs()).hasSize(11);
  }

  @ParameterizedTest
  @MethodSource("corpusSvgs")
  void convertsEveryCorpusSvgToAValidPng(Path svg) throws IOException {
    RenderedFigure figure = service.convert(FigureType.SVG, Files.readAllBytes(svg), svg + ":1");

    BufferedImage image = decodePng(figure.png());
    assertThat(image.getWidth()).isEqualTo(figure.width()).isGreaterThanOrEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(figure.height()).isPositive();
    assertNotUniform(image);
  }

  @Test
  void usesTheSvgsOwnSizeAndScalesSmallOnesUp() {
    RenderedFigure viewBoxOnly = render(svg("viewBox=\"0 0 1000 700\"", rect("#000000")));
    assertThat(viewBoxOnly.width()).isEqualTo(1000);
    assertThat(viewBoxOnly.height()).isEqualTo(700);

    RenderedFigure small = render(svg("width=\"200\" height=\"100\"", rect("#000000")));
    assertThat(small.width()).isEqualTo(800);
    assertThat(small.height()).isEqualTo(400);
  }

  @Test
  void capsThePixelCount() {
    FigureService capped =
        new FigureService(
            new FigureSettings(
                Path.of("mmdc"),
                Path.of("/usr/bin/chromium"),
                FigureSettings.DEFAULT_RENDER_TIMEOUT,
                1_000_000));
    RenderedFigure figure =
        capped.convert(
            FigureType.SVG,
            svg("width=\"4000\" height=\"2000\"", rect("#000000")).getBytes(StandardCharsets.UTF_8),
            ORIGIN);
    assertThat((long) figure.width() * figure.height()).isLessThanOrEqualTo(1_000_000);
    assertThat(figure.width()).isEqualTo(2 * figure.height());
  }

  @Test
  void brokenXmlNamesOriginAndReason() {
    FigureException e = reject("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect</svg>");
    assertThat(e.code()).isEqualTo(ErrorCode.INPUT_INVALID);
    assertThat(e.getMessage()).startsWith(ORIGIN + ": ").contains("not well-formed XML", "line 1");
  }

  @Test
  void nonSvgRootIsRejected() {
    FigureException e = reject("<html><body/></html>");
    assertThat(e.getMessage()).startsWith(ORIGIN + ": ").contains("<html>", "not an SVG");
  }

  @Test
  void svgWithoutNamespaceIsRejectedWithTheFix() {
    FigureException e = reject("<svg width=\"10\" height=\"10\"/>");
    assertThat(e.getMessage()).contains("xmlns=\"http://www.w3.org/2000/svg\"");
  }

  @Test
  void externalEntityIsRejectedAndFileContentNeverAppears() {
    String xxe =
        """
        <?xml version="1.0"?>
        <!DOCTYPE svg [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
        <svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">
          <text x="0" y="20">&xxe;</text>
        </svg>
        """;
    FigureException e = reject(xxe);
    assertThat(e.code()).isEqualTo(ErrorCode.INPUT_INVALID);
    assertThat(e.getMessage()).startsWith(ORIGIN + ": ").contains("ENTITY").doesNotContain("root:");
    assertThat(stackTraceText(e)).doesNotContain("root:x:0:0");
  }

  @Test
  void billionLaughsIsRejected() {
    String lol =
        """
        <!DOCTYPE svg [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
        ]>
        <svg xmlns="http://www.w3.org/2000/svg"><text>&lol3;</text></svg>
        """;
    assertThat(reject(lol).getMessage()).contains("ENTITY");
  }

  @Test
  void doctypeWithSystemIdIsRejected() {
    String doc =
        "<!DOCTYPE svg SYSTEM \"file:///etc/passwd\">"
            + svg("width=\"10\" height=\"10\"", rect("#000000"));
    FigureException e = reject(doc);
    assertThat(e.getMessage()).contains("DOCTYPE").doesNotContain("root:");
  }

  @Test
  void externalImageIsRejectedNamingTheReference() {
    FigureException e =
        reject(
            svg(
                "width=\"10\" height=\"10\"",
                "<image href=\"http://attacker.example/x.png\" width=\"10\" height=\"10\"/>"));
    assertThat(e.code()).isEqualTo(ErrorCode.INPUT_INVALID);
    assertThat(e.getMessage()).startsWith(ORIGIN + ": ").contains("http://attacker.example/x.png");
  }

  @Test
  void xlinkFileReferenceAndRelativeUseAreRejected() {
    String xlink =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
            + "<image xlink:href=\"file:///etc/passwd\"/></svg>";
    assertThat(reject(xlink).getMessage()).contains("file:///etc/passwd");
    assertThat(reject(svg("", "<use href=\"other.svg#a\"/>")).getMessage()).contains("other.svg#a");
  }

  @Test
  void cssUrlsAndImportsToOutsideAreRejected() {
    assertThat(reject(svg("", rect("url(https://x.example/p.svg#g)"))).getMessage())
        .contains("https://x.example/p.svg#g");
    assertThat(
            reject(svg("", "<style>@import url(\"http://x.example/a.css\");</style>")).getMessage())
        .contains("http://x.example/a.css");
    assertThat(
            reject(svg("", "<style>rect { fill: url('file:///etc/passwd') }</style>")).getMessage())
        .contains("file:///etc/passwd");
  }

  @Test
  void localFragmentsAndDataUrisAreAllowed() {
    String gradient =
        svg(
            "width=\"800\" height=\"400\"",
            "<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#ff0000\"/>"
                + "<stop offset=\"1\" stop-color=\"#0000ff\"/></linearGradient></defs>"
                + rect("url(#g)"));
    assertNotUniform(decodePng(render(gradient).png()));

    // a 1×1 red PNG, inline
    String redPixel =
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8D"
            + "wHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
    String embedded =
        svg(
            "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"800\" height=\"400\"",
            "<image xlink:href=\""
                + redPixel
                + "\" x=\"0\" y=\"0\" width=\"800\" height=\"400\""
                + " preserveAspectRatio=\"none\"/>");
    BufferedImage image = decodePng(render(embedded).png());
    assertThat(image.getRGB(400, 200) & 0xffffff).isEqualTo(0xff0000);
  }

  @Test
  void scriptsNeverRun() {
    String scripted =
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="800" height="400"
             onload="document.getElementById('r').setAttribute('fill', '#ff0000')">
          <rect id="r" width="800" height="400" fill="#00ff00"/>
          <script type="text/ecmascript">
            document.getElementById('r').setAttribute('fill', '#ff0000');
          </script>
        </svg>
        """;
    BufferedImage image = decodePng(render(scripted).png());
    assertThat(image.getRGB(400, 200) & 0xffffff).isEqualTo(0x00ff00);
  }

  private RenderedFigure render(String svg) {
    return service.convert(FigureType.SVG, svg.getBytes(StandardCharsets.UTF_8), ORIGIN);
  }

  private FigureException reject(String svg) {
    FigureException e = catchThrowableOfType(FigureException.class, () -> render(svg));
    assertThat(e).as("SVG is rejected").isNotNull();
    return e;
  }

  private static String svg(String attributes, String body) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" " + attributes + ">" + body + "</svg>";
  }

  private static String rect(String fill) {
    return "<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"" + fill + "\"/>";
  }

  private static String stackTraceText(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c).append('\n');
    }
    return sb.toString();
  }

  @Test
  void emptyInputIsInvalid() {
    assertThatThrownBy(() -> service.convert(FigureType.SVG, new byte[0], ORIGIN))
        .isInstanceOf(FigureException.class)
        .hasMessage(ORIGIN + ": figure is empty");
  }
}

package dev.bunsui.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.bunsui.book.BookOutline;
import dev.bunsui.book.BookRequest;
import dev.bunsui.book.FigureOutline;
import dev.bunsui.book.FigureType;
import dev.bunsui.book.SectionOutline;
import dev.bunsui.store.LocalArtifactStore;
import dev.bunsui.support.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2};
  private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>";

  @TempDir Path dir;
  private Path book;
  private LocalArtifactStore store;

  @BeforeEach
  void setUp() throws IOException {
    book = Files.createDirectories(dir.resolve("book"));
    store = new LocalArtifactStore(dir.resolve("out"));
  }

  @Test
  void everyFigureKindIsFoundStoredAndPlaceholdered() throws IOException {
    Files.createDirectories(book.resolve("img"));
    Files.write(book.resolve("img/photo.PNG"), PNG);
    Files.writeString(book.resolve("img/d.svg"), SVG);
    String md =
        "# Figs\n\nA photo ![A photo](img/photo.PNG) inline.\n\n![diagram](/img/d.svg)\n\n"
            + "```mermaid\ngraph TD; A-->B\n```\n\n"
            + "- item\n\n  ```plantuml\n  @startuml\n  A -> B\n  @enduml\n  ```\n\n"
            + "<div>\n<svg width=\"1\"><circle/></svg>\n</div>\n\n"
            + "@startuml\ntitle Bare\nX -> Y\n@enduml\n\nEnd.\n";
    Files.writeString(book.resolve("f.md"), md);
    BookOutline outline =
        new BookParseService(store, ParseSettings.defaults())
            .parse(
                new BookRequest(
                    book.resolve("f.md").toString(), "en", null, null, null, null, false));

    assertThat(outline.skipped()).isEmpty();
    SectionOutline s = outline.chapters().get(0).sections().get(0);
    assertThat(s.figures())
        .extracting(FigureOutline::id, FigureOutline::type, FigureOutline::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ch01/figs#fig-1", FigureType.RASTER, 3),
            org.assertj.core.groups.Tuple.tuple("ch01/figs#fig-2", FigureType.SVG, 5),
            org.assertj.core.groups.Tuple.tuple("ch01/figs#fig-3", FigureType.MERMAID, 7),
            org.assertj.core.groups.Tuple.tuple("ch01/figs#fig-4", FigureType.PLANTUML, 13),
            org.assertj.core.groups.Tuple.tuple("ch01/figs#fig-5", FigureType.SVG, 19),
            org.assertj.core.groups.Tuple.tuple("ch01/figs#fig-6", FigureType.PLANTUML, 23));
    FigureOutline photo = s.figures().get(0);
    assertThat(photo.link()).isEqualTo("img/photo.PNG");
    assertThat(photo.alt()).isEqualTo("A photo");
    assertThat(photo.source().mediaType()).isEqualTo("image/png");
    assertThat(store.get(photo.source())).isEqualTo(PNG);
    assertThat(store.get(s.figures().get(1).source()))
        .isEqualTo(SVG.getBytes(StandardCharsets.UTF_8));
    FigureOutline mermaid = s.figures().get(2);
    assertThat(mermaid.link()).isEqualTo("figure:ch01/figs#fig-3");
    assertThat(mermaid.source().mediaType()).isEqualTo("text/vnd.mermaid; charset=utf-8");
    assertThat(new String(store.get(mermaid.source()), StandardCharsets.UTF_8))
        .isEqualTo("graph TD; A-->B");
    assertThat(s.figures().get(3).source().mediaType())
        .isEqualTo("text/vnd.plantuml; charset=utf-8");
    assertThat(new String(store.get(s.figures().get(4).source()), StandardCharsets.UTF_8))
        .isEqualTo("<svg width=\"1\"><circle/></svg>");
    assertThat(s.figures().get(5).alt()).isEqualTo("Bare");

    SectionContent c = Json.read(store.get(s.content()), SectionContent.class);
    assertThat(c.markdown())
        .contains("![](figure:ch01/figs#fig-3)")
        .contains("  ![](figure:ch01/figs#fig-4)")
        .contains("![](figure:ch01/figs#fig-5)")
        .contains("![Bare](figure:ch01/figs#fig-6)")
        .contains("![A photo](img/photo.PNG)")
        .doesNotContain("```mermaid")
        .doesNotContain("@startuml")
        .doesNotContain("<circle");
    assertThat(c.blocks())
        .filteredOn(b -> b.type() == BlockType.FIGURE)
        .extracting(Block::text)
        .containsExactly(s.figures().stream().map(FigureOutline::id).toArray(String[]::new));
  }

  @Test
  void remoteImageIsFetchedWhenAllowed() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/logo",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "image/png");
          ex.sendResponseHeaders(200, PNG.length);
          ex.getResponseBody().write(PNG);
          ex.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/logo";
      Files.writeString(book.resolve("r.md"), "# R\n\n![logo](" + url + ")\n");
      BookOutline outline =
          new BookParseService(store, new ParseSettings(1 << 20, true))
              .parse(
                  new BookRequest(
                      book.resolve("r.md").toString(), "en", null, null, null, null, false));
      FigureOutline f = outline.chapters().get(0).sections().get(0).figures().get(0);
      assertThat(f.type()).isEqualTo(FigureType.RASTER);
      assertThat(f.link()).isEqualTo(url);
      assertThat(store.get(f.source())).isEqualTo(PNG);
      assertThat(outline.skipped()).isEmpty();
    } finally {
      server.stop(0);
    }
  }
}

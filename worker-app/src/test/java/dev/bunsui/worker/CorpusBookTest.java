package dev.bunsui.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bunsui.aggregate.Manifest;
import dev.bunsui.aggregate.ManifestEntry;
import dev.bunsui.aggregate.SectionRecord;
import dev.bunsui.book.BookResult;
import dev.bunsui.book.FigureResult;
import dev.bunsui.book.FigureType;
import dev.bunsui.book.OutputKind;
import dev.bunsui.book.SectionStatus;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real books of {@code ../shared/corpus} through the real workflow path (book, chapter and
 * section workflows with the real activities) with the extractive provider.
 */
class CorpusBookTest {
  @TempDir static Path out;
  private static BookPipelineHarness harness;

  @BeforeAll
  static void start() {
    harness = new BookPipelineHarness(out);
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  static Path root() {
    return Path.of(System.getProperty("bunsui.projectRoot", "..")).toAbsolutePath().normalize();
  }

  static Path corpus() {
    return root().resolveSibling("shared").resolve("corpus");
  }

  @Test
  void rustBookRunsToCompletionWithEverySvgConverted() throws Exception {
    BookResult result = harness.run("book-rust-corpus", corpus().resolve("rust-book"));
    Manifest manifest = harness.manifest(result);
    List<SectionRecord> sections = harness.sections(manifest);

    assertThat(result.chapters()).isEqualTo(2);
    assertAccountedFor(result, manifest, sections);
    assertThat(sections).hasSize(11);

    Set<String> svgs;
    try (Stream<Path> files = Files.list(corpus().resolve("rust-book/src/img"))) {
      svgs =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".svg"))
              .collect(Collectors.toSet());
    }
    assertThat(svgs).hasSize(11);
    List<FigureResult> figures = sections.stream().flatMap(s -> s.figures().stream()).toList();
    Set<String> converted =
        figures.stream()
            .filter(f -> f.type() == FigureType.SVG)
            .map(f -> Path.of(f.link()).getFileName().toString())
            .collect(Collectors.toSet());
    assertThat(converted).containsAll(svgs);
    for (FigureResult f : figures) {
      BufferedImage png = ImageIO.read(Path.of(java.net.URI.create(f.png().uri())).toFile());
      assertThat(png).as(f.figureId()).isNotNull();
      assertThat(png.getWidth()).isEqualTo(f.width());
    }
    // the articles link the PNGs, not the SVGs, once figures are converted
    String article = articleOf(sections, "ch04-01");
    assertThat(article).doesNotContain("img/trpl04-01.svg").contains(".png");
  }

  @Test
  void jsPrimerRunsToCompletionInJapanese() throws Exception {
    BookResult result =
        harness.run("book-js-primer-corpus", corpus().resolve("js-primer/source/basic"));
    Manifest manifest = harness.manifest(result);
    List<SectionRecord> sections = harness.sections(manifest);

    assertThat(result.lang()).isEqualTo("ja");
    assertThat(result.chapters()).isEqualTo(2);
    assertAccountedFor(result, manifest, sections);
    String description =
        sections.stream()
            .flatMap(s -> s.outputs().stream())
            .filter(o -> o.kind() == OutputKind.DESCRIPTION)
            .map(o -> read(o.ref().uri()))
            .findFirst()
            .orElseThrow();
    assertThat(description.codePointCount(0, description.length())).isLessThanOrEqualTo(160);
    assertThat(description).containsPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
  }

  /** Every section is done or skipped with a reason; outputs carry the extractive label. */
  private static void assertAccountedFor(
      BookResult result, Manifest manifest, List<SectionRecord> sections) {
    assertThat(result.sectionsDone() + result.sectionsSkipped()).isEqualTo(sections.size());
    assertThat(manifest.totals().sectionsDone()).isEqualTo(result.sectionsDone());
    for (SectionRecord s : sections) {
      if (s.status() == SectionStatus.SKIPPED) {
        assertThat(s.reason()).as(s.sectionId()).isNotBlank();
      } else {
        assertThat(s.outputs()).as(s.sectionId()).hasSize(5);
      }
    }
    assertThat(manifest.outputs())
        .filteredOn(e -> !e.provider().equals("bunsui"))
        .isNotEmpty()
        .allMatch(e -> e.provider().equals("extractive"));
    assertThat(manifest.outputs()).extracting(ManifestEntry::kind).contains("THUMBNAIL");
    assertThat(manifest.outputs()).allMatch(e -> e.sha256().length() == 64 && e.size() > 0);
    assertThat(Path.of(java.net.URI.create(result.index().uri()))).exists();
  }

  private static String articleOf(List<SectionRecord> sections, String fileStart) {
    SectionRecord s =
        sections.stream().filter(r -> r.sourceFile().contains(fileStart)).findFirst().orElseThrow();
    return s.outputs().stream()
        .filter(o -> o.kind() == OutputKind.ARTICLE)
        .map(o -> read(o.ref().uri()))
        .findFirst()
        .orElseThrow();
  }

  private static String read(String uri) {
    try {
      return Files.readString(Path.of(java.net.URI.create(uri)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

package dev.bunsui.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bunsui.book.BookOutline;
import dev.bunsui.book.BookRequest;
import dev.bunsui.book.ChapterOutline;
import dev.bunsui.book.FigureOutline;
import dev.bunsui.book.FigureType;
import dev.bunsui.book.SectionOutline;
import dev.bunsui.store.LocalArtifactStore;
import dev.bunsui.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusParseTest {
  @TempDir Path out;

  private BookOutline parse(Path source, LocalArtifactStore store) {
    return new BookParseService(store, ParseSettings.defaults())
        .parse(new BookRequest(source.toString(), null, null, null, null, null, false));
  }

  private static SectionContent content(LocalArtifactStore store, SectionOutline s) {
    return Json.read(store.get(s.content()), SectionContent.class);
  }

  @Test
  void rustBookFollowsSummaryResolvesIncludesAndFindsEverySvg() throws IOException {
    LocalArtifactStore store = new LocalArtifactStore(out);
    Path book = Corpus.root().resolve("rust-book");
    BookOutline outline = parse(book, store);

    assertThat(outline.layout()).isEqualTo("mdbook");
    assertThat(outline.title()).isEqualTo("The Rust Programming Language");
    assertThat(outline.lang()).isEqualTo("en");
    assertThat(outline.bookId()).matches("the-rust-programming-language-[0-9a-f]{8}");
    assertThat(outline.chapters())
        .extracting(ChapterOutline::title)
        .containsExactly("Understanding Ownership", "Smart Pointers");
    assertThat(outline.chapters()).extracting(c -> c.sections().size()).containsExactly(4, 7);
    ChapterOutline ch1 = outline.chapters().get(0);
    assertThat(ch1.sections())
        .extracting(SectionOutline::sourceFile)
        .containsExactly(
            "src/ch04-00-understanding-ownership.md",
            "src/ch04-01-what-is-ownership.md",
            "src/ch04-02-references-and-borrowing.md",
            "src/ch04-03-slices.md");
    SectionOutline ownership = ch1.sections().get(1);
    assertThat(ownership.id()).isEqualTo("ch01/what-is-ownership");
    assertThat(ownership.title()).isEqualTo("What is Ownership?");
    assertThat(ownership.line()).isEqualTo(1);

    SectionContent c = content(store, ownership);
    assertThat(c.markdown()).doesNotContain("{{#");
    assertThat(c.blocks())
        .filteredOn(b -> b.type() == BlockType.CODE)
        .anySatisfy(
            b -> {
              assertThat(b.language()).isEqualTo("rust");
              assertThat(b.text()).contains("let s = \"hello\";").doesNotContain("ANCHOR");
              // only the anchored lines of listing 4-1, which sits at line 120 of the page
              assertThat(b.text()).doesNotContain("fn main()");
              assertThat(b.line()).isEqualTo(119);
            });
    assertThat(c.blocks())
        .filteredOn(b -> b.type() == BlockType.HEADING && b.text().equals("Ownership Rules"))
        .singleElement()
        .satisfies(
            b -> assertThat(b.line()).isEqualTo(lineOf(book, ownership, "### Ownership Rules")));
    // an include of a listing missing from the corpus is skipped with file, line and path
    assertThat(outline.skipped())
        .anySatisfy(
            s -> {
              assertThat(s.file()).isEqualTo("src/ch15-01-box.md");
              assertThat(s.line()).isEqualTo(167);
              assertThat(s.reason()).contains("listing-06-02").contains("not found");
            });

    List<FigureOutline> figures =
        outline.chapters().stream()
            .flatMap(ch -> ch.sections().stream())
            .flatMap(s -> s.figures().stream())
            .toList();
    Set<String> svgFiles;
    try (Stream<Path> files = Files.list(book.resolve("src/img"))) {
      svgFiles =
          files
              .map(p -> "img/" + p.getFileName())
              .filter(n -> n.endsWith(".svg"))
              .collect(Collectors.toSet());
    }
    assertThat(svgFiles).hasSize(11);
    assertThat(figures)
        .extracting(FigureOutline::link)
        .containsExactlyInAnyOrderElementsOf(svgFiles);
    for (FigureOutline f : figures) {
      assertThat(f.type()).isEqualTo(FigureType.SVG);
      assertThat(f.source().mediaType()).isEqualTo("image/svg+xml");
      assertThat(store.get(f.source()))
          .isEqualTo(Files.readAllBytes(book.resolve("src").resolve(f.link())));
      assertThat(f.id()).matches("ch0[12]/[a-z0-9-]+#fig-\\d+");
    }
    FigureOutline first = ownership.figures().get(0);
    assertThat(first.link()).isEqualTo("img/trpl04-01.svg");
    assertThat(first.id()).isEqualTo("ch01/what-is-ownership#fig-1");
    assertThat(first.alt()).startsWith("Two tables: the first table");
    assertThat(first.line()).isEqualTo(275);

    BookTree tree = Json.read(store.get(outline.tree()), BookTree.class);
    assertThat(tree.bookId()).isEqualTo(outline.bookId());
    assertThat(tree.chapters().get(0).sections().get(1).figures()).contains(first.id());
  }

  @Test
  void rustBookSrcFolderGivesTheSameBook() {
    LocalArtifactStore store = new LocalArtifactStore(out);
    BookOutline fromRoot = parse(Corpus.root().resolve("rust-book"), store);
    BookOutline fromSrc = parse(Corpus.root().resolve("rust-book/src"), store);
    assertThat(fromSrc.layout()).isEqualTo("mdbook");
    assertThat(fromSrc.bookId()).isEqualTo(fromRoot.bookId());
    assertThat(fromSrc.chapters()).isEqualTo(fromRoot.chapters());
  }

  @Test
  void jsPrimerIsJapaneseWithFrontMatterAnchorsAndNoTemplateTags() {
    LocalArtifactStore store = new LocalArtifactStore(out);
    BookOutline outline = parse(Corpus.root().resolve("js-primer/source/basic"), store);

    assertThat(outline.layout()).isEqualTo("folder");
    assertThat(outline.lang()).isEqualTo("ja");
    assertThat(outline.chapters())
        .extracting(ChapterOutline::title)
        .containsExactly("コメント", "条件分岐");
    assertThat(outline.chapters())
        .extracting(ChapterOutline::sourceFile)
        .containsExactly("comments/README.md", "condition/README.md");
    ChapterOutline comments = outline.chapters().get(0);
    assertThat(comments.sections())
        .extracting(SectionOutline::id)
        .startsWith("ch01/comment", "ch01/single-line-comment", "ch01/multi-line-comment");
    assertThat(comments.sections().get(1).title()).isEqualTo("一行コメント");
    assertThat(comments.sections().get(1).line()).isEqualTo(14);

    for (ChapterOutline ch : outline.chapters()) {
      for (SectionOutline s : ch.sections()) {
        SectionContent c = content(store, s);
        assertThat(c.markdown()).doesNotContain("{{book.console}}").doesNotContain("{#");
        assertThat(c.title()).doesNotContain("{#");
        assertThat(c.frontMatter()).containsKey("description").containsEntry("author", "azu");
        assertThat(c.lang()).isEqualTo("ja");
        assertThat(c.blocks())
            .filteredOn(b -> b.type() == BlockType.HTML)
            .allSatisfy(b -> assertThat(b.text()).doesNotContain("<!--"));
      }
    }
    SectionContent single = content(store, comments.sections().get(1));
    assertThat(single.anchor()).isEqualTo("single-line-comment");
    assertThat(single.blocks())
        .filteredOn(b -> b.type() == BlockType.CODE)
        .isNotEmpty()
        .allSatisfy(b -> assertThat(b.language()).isEqualTo("js"));
    SectionContent ifSection = content(store, outline.chapters().get(1).sections().get(1));
    assertThat(ifSection.anchor()).isEqualTo("if-statement");
    assertThat(ifSection.blocks())
        .filteredOn(b -> b.type() == BlockType.CODE)
        .extracting(Block::language)
        .contains("js");
    // the commented-out "## 参考" heading is no section
    assertThat(outline.chapters().get(1).sections())
        .extracting(SectionOutline::id)
        .doesNotContain("ch02/reference-for-condition");
  }

  private static int lineOf(Path book, SectionOutline s, String text) {
    try {
      List<String> lines = Files.readAllLines(book.resolve(s.sourceFile()));
      return lines.indexOf(text) + 1;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

package dev.bunsui.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bunsui.book.BookOutline;
import dev.bunsui.book.BookRequest;
import dev.bunsui.book.ChapterOutline;
import dev.bunsui.book.SectionOutline;
import dev.bunsui.store.LocalArtifactStore;
import dev.bunsui.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructureTest {
  @TempDir Path dir;
  private Path book;
  private LocalArtifactStore store;

  @BeforeEach
  void setUp() throws IOException {
    book = Files.createDirectories(dir.resolve("my-book"));
    store = new LocalArtifactStore(dir.resolve("out"));
  }

  private BookOutline parse(Path source) {
    return new BookParseService(store, ParseSettings.defaults())
        .parse(new BookRequest(source.toString(), null, null, null, null, null, false));
  }

  private Path write(String rel, String text) throws IOException {
    Path p = book.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }

  private SectionContent content(SectionOutline s) {
    return Json.read(store.get(s.content()), SectionContent.class);
  }

  @Test
  void singleFileWithOneTitleHeadingMakesChaptersOfLevelTwo() throws IOException {
    Path f =
        write(
            "guide.md",
            "# The Guide\n\nPreface text.\n\n## Start\n\nIntro of start.\n\n### Install\n\n"
                + "Run it.\n\n### Configure\n\nSet it.\n\n## Finish {#done}\n\nBye.\n");
    BookOutline outline = parse(f);
    assertThat(outline.layout()).isEqualTo("file");
    assertThat(outline.title()).isEqualTo("The Guide");
    assertThat(outline.chapters())
        .extracting(ChapterOutline::title)
        .containsExactly("The Guide", "Start", "Finish");
    ChapterOutline start = outline.chapters().get(1);
    assertThat(start.sections())
        .extracting(SectionOutline::id, SectionOutline::title, SectionOutline::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ch02/start", "Start", 5),
            org.assertj.core.groups.Tuple.tuple("ch02/install", "Install", 9),
            org.assertj.core.groups.Tuple.tuple("ch02/configure", "Configure", 13));
    SectionOutline finish = outline.chapters().get(2).sections().get(0);
    assertThat(finish.id()).isEqualTo("ch03/done");
    assertThat(content(finish).anchor()).isEqualTo("done");
    assertThat(content(finish).markdown()).isEqualTo("## Finish\n\nBye.\n");
    assertThat(outline.bookId()).startsWith("the-guide-");
  }

  @Test
  void singleFileWithSeveralTopHeadingsMakesThemChapters() throws IOException {
    Path f = write("notes.md", "# One\n\nA.\n\n## A1\n\nx\n\n# Two\n\nB.\n");
    BookOutline outline = parse(f);
    assertThat(outline.title()).isEqualTo("notes");
    assertThat(outline.chapters()).extracting(ChapterOutline::title).containsExactly("One", "Two");
    assertThat(outline.chapters().get(0).sections())
        .extracting(SectionOutline::title)
        .containsExactly("One", "A1");
  }

  @Test
  void folderChaptersAreSortedWithReadmeStandingForItsFolder() throws IOException {
    write("b/README.md", "# Bee\n\n## Part\n\nText b.\n");
    write("b/extra.md", "# Extra\n\nMore.\n");
    write("a.md", "---\ntitle: Front\n---\n# Ay\n\nIntro a.\n\n## Sub {#sub-a}\n\nText.\n");
    write(".hidden/x.md", "# Hidden\n\nNo.\n");
    BookOutline outline = parse(book);
    assertThat(outline.layout()).isEqualTo("folder");
    assertThat(outline.title()).isEqualTo("my-book");
    assertThat(outline.chapters())
        .extracting(ChapterOutline::sourceFile)
        .containsExactly("a.md", "b/README.md", "b/extra.md");
    ChapterOutline a = outline.chapters().get(0);
    assertThat(a.sections())
        .extracting(SectionOutline::id)
        .containsExactly("ch01/ay", "ch01/sub-a");
    // the front matter lines are counted: the heading is on line 4 of the original file
    assertThat(a.sections().get(0).line()).isEqualTo(4);
    assertThat(content(a.sections().get(1)).frontMatter()).containsEntry("title", "Front");
    // "# Bee" holds nothing before "## Part": that empty first section is dropped
    assertThat(outline.chapters().get(1).sections())
        .extracting(SectionOutline::title)
        .containsExactly("Part");
  }

  @Test
  void includesKeepOriginalLineNumbersAndTemplateTagsAndCommentsGo() throws IOException {
    write(
        "code/a.rs", "fn a() {\n    // ANCHOR: body\n    let x = 1;\n    // ANCHOR_END: body\n}\n");
    write(
        "ch.md",
        "# Ch\n\n```rust\n{{#include code/a.rs}}\n```\n\n{{book.console}}\n{% raw %}\n"
            + "<!-- doctest:disable -->\n\n```rust\n{{#rustdoc_include code/a.rs:body}}\n"
            + "# fn hidden() {}\n```\n\n## After\n\nText {{book.x}} here.\n");
    BookOutline outline = parse(book);
    assertThat(outline.skipped()).isEmpty();
    SectionOutline first = outline.chapters().get(0).sections().get(0);
    SectionContent c = content(first);
    assertThat(c.blocks())
        .filteredOn(b -> b.type() == BlockType.CODE)
        .extracting(Block::text, Block::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("fn a() {\n    let x = 1;\n}", 3),
            org.assertj.core.groups.Tuple.tuple("let x = 1;", 11));
    assertThat(c.markdown()).doesNotContain("{{").doesNotContain("{%").doesNotContain("<!--");
    assertThat(c.blocks()).noneMatch(b -> b.type() == BlockType.HTML);
    SectionOutline after = outline.chapters().get(0).sections().get(1);
    assertThat(after.line()).isEqualTo(16);
    assertThat(content(after).blocks())
        .filteredOn(b -> b.type() == BlockType.PARAGRAPH)
        .extracting(Block::text)
        .containsExactly("Text here.");
  }

  @Test
  void summaryEntriesWithChildrenMakeOneSectionPerPage() throws IOException {
    write("book.toml", "[book]\ntitle = \"Configured Title\"\n");
    write(
        "src/SUMMARY.md",
        "# Summary\n\n[Intro](intro.md)\n\n- [Basics](basics.md)\n  - [Types](types.md)\n"
            + "    - [Ints](ints.md)\n- [Single](single.md)\n");
    write("src/intro.md", "# Intro\n\nWelcome.\n");
    write("src/basics.md", "# Basics\n\nAbout.\n\n## Inside\n\nStays.\n");
    write("src/types.md", "## Types\n\nT.\n");
    write("src/ints.md", "## Ints\n\nI.\n");
    write("src/single.md", "# Single\n\nS.\n\n## Part one\n\nP1.\n\n## Part two\n\nP2.\n");
    BookOutline outline = parse(book);
    assertThat(outline.layout()).isEqualTo("mdbook");
    assertThat(outline.title()).isEqualTo("Configured Title");
    assertThat(outline.chapters())
        .extracting(ChapterOutline::title)
        .containsExactly("Intro", "Basics", "Single");
    assertThat(outline.chapters().get(1).sections())
        .extracting(SectionOutline::id)
        .containsExactly("ch02/basics", "ch02/types", "ch02/ints");
    assertThat(outline.chapters().get(2).sections())
        .extracting(SectionOutline::title)
        .containsExactly("Single", "Part one", "Part two");
  }

  @Test
  void japaneseIsDetectedAndANonAsciiTitleGivesBookSlug() throws IOException {
    Path f = write("本.md", "# はじめに\n\nこれは日本語の本です。ひらがなとカタカナと漢字があります。\n");
    BookOutline outline =
        new BookParseService(store, ParseSettings.defaults())
            .parse(new BookRequest(f.toString(), null, "入門", null, null, null, false));
    assertThat(outline.lang()).isEqualTo("ja");
    assertThat(outline.title()).isEqualTo("入門");
    assertThat(outline.bookId()).matches("book-[0-9a-f]{8}");
    assertThat(outline.chapters().get(0).sections().get(0).id()).isEqualTo("ch01/section-1");
  }

  @Test
  void bookIdIsStableAndFollowsTheContent() throws IOException {
    Path f = write("a.md", "# A\n\nText.\n");
    String first = parse(f).bookId();
    assertThat(parse(f).bookId()).isEqualTo(first);
    Files.writeString(f, "# A\n\nOther text.\n");
    assertThat(parse(f).bookId()).isNotEqualTo(first).startsWith("a-");
  }
}

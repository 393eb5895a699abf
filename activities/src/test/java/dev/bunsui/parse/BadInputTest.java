package dev.bunsui.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bunsui.book.BookOutline;
import dev.bunsui.book.BookRequest;
import dev.bunsui.book.ChapterOutline;
import dev.bunsui.book.SectionOutline;
import dev.bunsui.book.SkippedItem;
import dev.bunsui.store.LocalArtifactStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {
  @TempDir Path dir;
  private Path book;
  private LocalArtifactStore store;

  @BeforeEach
  void setUp() throws IOException {
    book = Files.createDirectories(dir.resolve("book"));
    store = new LocalArtifactStore(dir.resolve("out"));
  }

  private BookOutline parse(Path source, ParseSettings settings) {
    return new BookParseService(store, settings)
        .parse(new BookRequest(source.toString(), null, null, null, null, null, false));
  }

  private BookOutline parse(Path source) {
    return parse(source, ParseSettings.defaults());
  }

  private Path write(String rel, String text) throws IOException {
    return write(rel, text.getBytes(StandardCharsets.UTF_8));
  }

  private Path write(String rel, byte[] bytes) throws IOException {
    Path p = book.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.write(p, bytes);
  }

  @Test
  void missingPathIsRefusedNamingThePath() {
    Path missing = book.resolve("nope.md");
    assertThatThrownBy(() -> parse(missing))
        .isInstanceOf(BookInputException.class)
        .hasMessage(missing + ": no such file or folder");
  }

  @Test
  void binarySingleFileIsRefusedWithOffsetAndLine() throws IOException {
    Path f = write("book.md", new byte[] {'#', ' ', 'T', '\n', 'a', 'b', 0, 'c'});
    assertThatThrownBy(() -> parse(f))
        .isInstanceOfSatisfying(
            BookInputException.class,
            e -> {
              assertThat(e.file()).isEqualTo("book.md");
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.reason()).contains("binary").contains("byte offset 6");
              assertThat(e.getMessage()).startsWith("book.md:2: binary file");
            });
  }

  @Test
  void nonUtf8SingleFileIsRefusedWithOffsetAndLine() throws IOException {
    byte[] latin1 = "# Titel\n\nGr\u00fc\u00dfe\n".getBytes(StandardCharsets.ISO_8859_1);
    Path f = write("latin1.md", latin1);
    assertThatThrownBy(() -> parse(f))
        .isInstanceOfSatisfying(
            BookInputException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo("latin1.md:3: not UTF-8 text (invalid byte 0xfc at byte offset 11)");
            });
  }

  @Test
  void binaryOrNonUtf8FileInAFolderIsSkippedAndTheRestGoesOn() throws IOException {
    write("a.md", "# A\n\nFine text.\n");
    write("b.md", new byte[] {'x', 0, 'y'});
    write("c.md", "# C\n\nbad \u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    BookOutline outline = parse(book);
    assertThat(outline.chapters()).extracting(ChapterOutline::title).containsExactly("A");
    assertThat(outline.skipped())
        .extracting(SkippedItem::file, SkippedItem::line, SkippedItem::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("b.md", 1, "INPUT_INVALID"),
            org.assertj.core.groups.Tuple.tuple("c.md", 3, "INPUT_INVALID"));
    assertThat(outline.skipped().get(0).reason()).contains("binary file");
    assertThat(outline.skipped().get(1).reason()).contains("not UTF-8");
  }

  @Test
  void folderWithoutMarkdownIsRefused() throws IOException {
    write("notes.txt", "not markdown");
    assertThatThrownBy(() -> parse(book))
        .isInstanceOf(BookInputException.class)
        .hasMessage(book + ": no Markdown files (*.md) in the folder");
  }

  @Test
  void bookWithoutTextIsRefused() throws IOException {
    write("a.md", "\n\n<!-- only a comment -->\n");
    write("b.md", "---\ntitle: Empty\n---\n");
    assertThatThrownBy(() -> parse(book))
        .isInstanceOf(BookInputException.class)
        .hasMessageContaining(book.toString())
        .hasMessageContaining("the book has no text");
  }

  @Test
  void bookOverTheSizeLimitIsRefusedNamingSizeAndLimit() throws IOException {
    write("a.md", "# A\n\n" + "x".repeat(200) + "\n");
    write("b.md", "# B\n\n" + "y".repeat(200) + "\n");
    assertThatThrownBy(() -> parse(book, new ParseSettings(300, false)))
        .isInstanceOf(BookInputException.class)
        .hasMessage(
            book
                + ": the book has 412 bytes of Markdown, over the limit of 300 bytes"
                + " (bunsui.parse.max-book-bytes)");
  }

  @Test
  void includeEscapingTheBookFolderIsSkippedAndNotRead() throws IOException {
    Files.writeString(dir.resolve("secret.rs"), "fn secret() {}\n");
    write("ch1.md", "# One\n\nText.\n\n```rust\n{{#include ../secret.rs}}\n```\n");
    BookOutline outline = parse(book.resolve("ch1.md"));
    assertThat(outline.skipped())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.file()).isEqualTo("ch1.md");
              assertThat(s.line()).isEqualTo(6);
              assertThat(s.reason()).isEqualTo("include '../secret.rs' escapes the book folder");
            });
    String markdown = content(outline.chapters().get(0).sections().get(0)).markdown();
    assertThat(markdown).doesNotContain("secret").doesNotContain("{{#");
  }

  @Test
  void includeThroughASymlinkOutOfTheBookIsSkipped() throws IOException {
    Files.writeString(dir.resolve("secret.rs"), "fn secret() {}\n");
    Files.createSymbolicLink(book.resolve("link.rs"), dir.resolve("secret.rs"));
    write("ch1.md", "# One\n\n```rust\n{{#include link.rs}}\n```\n");
    BookOutline outline = parse(book.resolve("ch1.md"));
    assertThat(outline.skipped())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.line()).isEqualTo(4);
              assertThat(s.reason()).contains("link.rs").contains("escapes the book folder");
            });
  }

  @Test
  void missingIncludeAndAnchorAreSkippedWithFileAndLine() throws IOException {
    write(
        "code/main.rs",
        "fn main() {\n    // ANCHOR: here\n    let x = 1;\n    // ANCHOR_END: here\n}\n");
    write(
        "ch1.md",
        "# One\n\n```rust\n{{#include code/gone.rs}}\n```\n\n```rust\n"
            + "{{#rustdoc_include code/main.rs:nope}}\n```\n");
    BookOutline outline = parse(book.resolve("ch1.md"));
    assertThat(outline.skipped())
        .extracting(SkippedItem::file, SkippedItem::line, SkippedItem::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ch1.md", 4, "include 'code/gone.rs' not found"),
            org.assertj.core.groups.Tuple.tuple(
                "ch1.md", 8, "include 'code/main.rs' has no anchor 'nope'"));
  }

  @Test
  void imageEscapingTheBookFolderIsSkipped() throws IOException {
    Files.write(dir.resolve("outside.png"), new byte[] {1, 2, 3});
    write("ch1.md", "# One\n\nSee below.\n\n![outside](../outside.png)\n");
    BookOutline outline = parse(book.resolve("ch1.md"));
    SectionOutline s = outline.chapters().get(0).sections().get(0);
    assertThat(s.figures()).isEmpty();
    assertThat(outline.skipped())
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.item()).isEqualTo(s.id() + "#fig-1");
              assertThat(k.file()).isEqualTo("ch1.md");
              assertThat(k.line()).isEqualTo(5);
              assertThat(k.reason()).isEqualTo("image '../outside.png' escapes the book folder");
            });
  }

  @Test
  void missingImageIsSkipped() throws IOException {
    write("ch1.md", "# One\n\nText.\n\n<img alt=\"x\" src=\"img/none.svg\" />\n");
    BookOutline outline = parse(book.resolve("ch1.md"));
    assertThat(outline.skipped())
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.line()).isEqualTo(5);
              assertThat(k.reason()).isEqualTo("image 'img/none.svg' not found");
            });
  }

  @Test
  void remoteImageIsNotFetchedUnlessAllowed() throws IOException {
    write("ch1.md", "# One\n\nText.\n\n![logo](https://example.com/logo.png)\n");
    BookOutline outline = parse(book.resolve("ch1.md"));
    assertThat(outline.chapters().get(0).sections().get(0).figures()).isEmpty();
    assertThat(outline.skipped())
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.file()).isEqualTo("ch1.md");
              assertThat(k.line()).isEqualTo(5);
              assertThat(k.reason())
                  .isEqualTo(
                      "image 'https://example.com/logo.png' is remote and was not fetched"
                          + " (set bunsui.parse.allow-remote-images)");
            });
  }

  @Test
  void draftInSummaryIsSkippedWithItsLine() throws IOException {
    write("SUMMARY.md", "# Book\n\n- [Intro](intro.md)\n- [Later]()\n");
    write("intro.md", "# Intro\n\nHello.\n");
    BookOutline outline = parse(book);
    assertThat(outline.layout()).isEqualTo("honkit");
    assertThat(outline.title()).isEqualTo("Book");
    assertThat(outline.chapters()).hasSize(1);
    assertThat(outline.skipped())
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.file()).isEqualTo("SUMMARY.md");
              assertThat(k.line()).isEqualTo(4);
              assertThat(k.reason()).isEqualTo("draft 'Later' has no page (empty link)");
            });
  }

  private SectionContent content(SectionOutline s) {
    return dev.bunsui.support.Json.read(store.get(s.content()), SectionContent.class);
  }
}

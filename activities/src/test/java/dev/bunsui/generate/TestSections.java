package dev.bunsui.generate;

import dev.bunsui.book.BookContext;
import dev.bunsui.book.OutputKind;
import dev.bunsui.book.SectionOutline;
import dev.bunsui.book.SectionTask;
import dev.bunsui.parse.Block;
import dev.bunsui.parse.BlockType;
import dev.bunsui.parse.SectionContent;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.ArtifactStore;
import dev.bunsui.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crude Markdown-to-{@link SectionContent} splitting for tests (the real parser lives elsewhere).
 */
final class TestSections {
  private static final Pattern IMG =
      Pattern.compile("<img[^>]*?alt=\"([^\"]*)\"[^>]*?src=\"([^\"]*)\"[^>]*>");

  private TestSections() {}

  static Path corpus() {
    return dev.bunsui.support.ProjectPaths.corpus();
  }

  /** Lines [from, to) (1-based from) of a corpus file. */
  static String lines(String relative, int from, int to) throws IOException {
    List<String> all = Files.readAllLines(corpus().resolve(relative));
    return String.join("\n", all.subList(from - 1, Math.min(to - 1, all.size())));
  }

  static SectionContent section(String id, String title, String lang, String markdown) {
    String md =
        IMG.matcher(markdown)
            .replaceAll(
                m ->
                    Matcher.quoteReplacement(
                        "![" + m.group(1).replaceAll("\\s+", " ") + "](" + m.group(2) + ")"));
    List<Block> blocks = new ArrayList<>();
    String[] lines = md.split("\n", -1);
    StringBuilder para = new StringBuilder();
    int i = 0;
    while (i < lines.length) {
      String line = lines[i];
      String t = line.strip();
      if (t.startsWith("```")) {
        flush(blocks, para, i);
        String lang2 = t.substring(3).split("[ ,]")[0];
        StringBuilder code = new StringBuilder();
        i++;
        while (i < lines.length && !lines[i].strip().startsWith("```")) {
          code.append(lines[i]).append('\n');
          i++;
        }
        blocks.add(
            new Block(BlockType.CODE, code.toString(), lang2.isEmpty() ? null : lang2, 0, i));
      } else if (t.isEmpty()) {
        flush(blocks, para, i);
      } else if (t.startsWith("#")) {
        flush(blocks, para, i);
        int level = t.indexOf(' ');
        blocks.add(new Block(BlockType.HEADING, clean(t.substring(level + 1)), null, level, i + 1));
      } else if (t.startsWith("![")) {
        flush(blocks, para, i);
        blocks.add(new Block(BlockType.FIGURE, t, null, 0, i + 1));
      } else if (t.startsWith("<") || t.startsWith("{{")) {
        flush(blocks, para, i);
        blocks.add(new Block(BlockType.HTML, t, null, 0, i + 1));
      } else if (t.matches("([-*]|\\d+\\.) .*")) {
        flush(blocks, para, i);
        blocks.add(
            new Block(
                BlockType.LIST_ITEM, clean(t.replaceFirst("([-*]|\\d+\\.) ", "")), null, 0, i + 1));
      } else {
        para.append(line).append('\n');
      }
      i++;
    }
    flush(blocks, para, i);
    return new SectionContent(id, "Chapter", title, id, lang, id + ".md", 1, md, blocks, Map.of());
  }

  private static void flush(List<Block> blocks, StringBuilder para, int line) {
    if (!para.isEmpty()) {
      blocks.add(new Block(BlockType.PARAGRAPH, clean(para.toString().strip()), null, 0, line));
      para.setLength(0);
    }
  }

  static String clean(String s) {
    return s.replaceAll("\\{#[^}]*}", "")
        .replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1")
        .replace("**", "")
        .replace("`", "")
        .strip();
  }

  static BookContext book(String lang, String provider, String model) {
    return new BookContext(
        "book-1", "Book", lang, Arrays.asList(OutputKind.values()), provider, model, false);
  }

  static ArtifactRef store(ArtifactStore store, SectionContent content) {
    return store.put(Json.write(content), "application/json", "json");
  }

  static SectionTask task(BookContext book, ArtifactRef content, SectionContent c) {
    return new SectionTask(
        book, 1, new SectionOutline(c.id(), 1, c.title(), c.sourceFile(), 1, content, List.of()));
  }
}

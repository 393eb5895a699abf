package dev.bunsui.parse;

import java.util.List;
import java.util.Map;

/**
 * A parsed section as stored (JSON) by the parse activity and read by analysis and generation.
 *
 * @param id stable id within the book
 * @param chapterTitle title of the chapter the section belongs to
 * @param title section heading text (anchors such as {@code {#id}} removed)
 * @param anchor heading id from a {@code {#id}} anchor, or a slug of the title
 * @param lang BCP 47 language tag of the book
 * @param sourceFile Markdown file relative to the book folder
 * @param line 1-based line of the heading (or first line) in that file
 * @param markdown the section's Markdown after include resolution and template-tag removal; figures
 *     of fenced or inline kinds appear as image links to {@code figure:<id>}
 * @param blocks the section's blocks in document order
 * @param frontMatter YAML front matter of the file the section comes from (empty when none)
 */
public record SectionContent(
    String id,
    String chapterTitle,
    String title,
    String anchor,
    String lang,
    String sourceFile,
    int line,
    String markdown,
    List<Block> blocks,
    Map<String, Object> frontMatter) {

  /** The prose of the section (headings, paragraphs, list items, quotes), one block per line. */
  public String prose() {
    StringBuilder b = new StringBuilder();
    for (Block block : blocks) {
      if (block.type().prose()) {
        b.append(block.text()).append('\n');
      }
    }
    return b.toString();
  }
}

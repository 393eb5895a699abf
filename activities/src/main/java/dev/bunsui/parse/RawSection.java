package dev.bunsui.parse;

import java.util.List;
import org.commonmark.node.Node;

/**
 * A section found by splitting, before ids, blocks and figures are known.
 *
 * @param page the page it comes from
 * @param title its title; null to take the chapter's
 * @param anchor the {@code {#id}} anchor of its heading, or null
 * @param line 1-based line of its heading (or first content) in the original file
 * @param nodes its top-level Markdown nodes
 * @param start first preprocessed line index of its text
 * @param end preprocessed line index after its text
 */
record RawSection(
    PreparedPage page,
    String title,
    String anchor,
    int line,
    List<Node> nodes,
    int start,
    int end) {

  /** The same section with a title. */
  RawSection withTitle(String newTitle) {
    return new RawSection(page, newTitle, anchor, line, nodes, start, end);
  }

  /**
   * A chapter found by splitting.
   *
   * @param title its title; null to take the book's
   * @param sourceFile the page it starts in, relative to the book folder
   * @param sections its sections (at least one)
   */
  record Chapter(String title, String sourceFile, List<RawSection> sections) {}
}

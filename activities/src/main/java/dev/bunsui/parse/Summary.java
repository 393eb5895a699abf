package dev.bunsui.parse;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The table of contents of an mdBook or HonKit book ({@code SUMMARY.md}).
 *
 * @param title the text of its first {@code #} heading, or null
 * @param chapters top-level entries in order (prefix and suffix links count as top-level entries);
 *     each carries its nested entries flattened in document order
 */
record Summary(String title, List<Entry> chapters) {

  /**
   * One entry.
   *
   * @param title link text as plain text
   * @param link destination as written; empty for a draft
   * @param line 1-based line in {@code SUMMARY.md}
   * @param children nested entries (all depths), in order
   */
  record Entry(String title, String link, int line, List<Entry> children) {}

  private static final Parser PARSER =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

  /** Parses the text of a {@code SUMMARY.md}. */
  static Summary parse(String text) {
    String title = null;
    List<Entry> chapters = new ArrayList<>();
    for (Node n = PARSER.parse(text).getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h && h.getLevel() == 1 && title == null && chapters.isEmpty()) {
        title = PlainText.of(h);
      } else if (n instanceof Paragraph p) {
        for (Node c = p.getFirstChild(); c != null; c = c.getNext()) {
          if (c instanceof Link link) {
            chapters.add(
                new Entry(PlainText.of(link), link.getDestination(), line(p), new ArrayList<>()));
          }
        }
      } else if (n instanceof BulletList || n instanceof OrderedList) {
        for (Node item = n.getFirstChild(); item != null; item = item.getNext()) {
          if (item instanceof ListItem li) {
            Entry e = entry(li);
            if (e != null) {
              chapters.add(e);
            }
          }
        }
      }
    }
    return new Summary(title, chapters);
  }

  private static Entry entry(ListItem item) {
    Paragraph para = null;
    List<Entry> children = new ArrayList<>();
    for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Paragraph p && para == null) {
        para = p;
      } else if (c instanceof BulletList || c instanceof OrderedList) {
        for (Node sub = c.getFirstChild(); sub != null; sub = sub.getNext()) {
          if (sub instanceof ListItem li) {
            Entry e = entry(li);
            if (e != null) {
              children.add(new Entry(e.title(), e.link(), e.line(), List.of()));
              children.addAll(e.children());
            }
          }
        }
      }
    }
    if (para == null) {
      return null;
    }
    Link link = null;
    for (Node c = para.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Link l) {
        link = l;
        break;
      }
    }
    String title = PlainText.of(link != null ? link : para);
    String dest = link != null && link.getDestination() != null ? link.getDestination() : "";
    return new Entry(title, dest, line(item), children);
  }

  private static int line(Node n) {
    return n.getSourceSpans().isEmpty() ? 0 : n.getSourceSpans().get(0).getLineIndex() + 1;
  }
}

package dev.bunsui.parse;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** Parses preprocessed pages and cuts them into sections (and, for a single file, chapters). */
final class SectionSplitter {
  private static final Parser PARSER =
      Parser.builder()
          .extensions(List.of(TablesExtension.create()))
          .includeSourceSpans(IncludeSourceSpans.BLOCKS)
          .build();

  private SectionSplitter() {}

  /** The top-level nodes of the page. */
  static List<Node> parse(PreparedPage page) {
    Document doc = (Document) PARSER.parse(page.text());
    List<Node> nodes = new ArrayList<>();
    for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
      if (!n.getSourceSpans().isEmpty()) {
        nodes.add(n);
      }
    }
    return nodes;
  }

  /** The page's title heading: its first content node when that is a heading, else null. */
  static Heading titleHeading(List<Node> nodes) {
    for (Node n : nodes) {
      if (isContent(n)) {
        return n instanceof Heading h ? h : null;
      }
    }
    return null;
  }

  /**
   * Splits a chapter's nodes into sections at headings of {@code sectionLevel} or above (other than
   * {@code titleHeading}). Text before the first such heading becomes a first section titled as the
   * chapter, dropped when it holds nothing but the title heading.
   */
  static List<RawSection> split(
      PreparedPage page,
      List<Node> nodes,
      int start,
      int end,
      String chapterTitle,
      Heading titleHeading,
      int sectionLevel) {
    List<Integer> bounds = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i) instanceof Heading h && h != titleHeading && h.getLevel() <= sectionLevel) {
        bounds.add(i);
      }
    }
    List<RawSection> sections = new ArrayList<>();
    int introEnd = bounds.isEmpty() ? nodes.size() : bounds.get(0);
    List<Node> intro = nodes.subList(0, introEnd);
    if (intro.stream().anyMatch(n -> n != titleHeading && isContent(n))) {
      Node lineNode = titleHeading != null ? titleHeading : firstContent(intro);
      sections.add(
          new RawSection(
              page,
              chapterTitle,
              anchor(page, titleHeading),
              page.originalLine(first(lineNode)),
              List.copyOf(intro),
              start,
              bounds.isEmpty() ? end : first(nodes.get(introEnd))));
    }
    for (int b = 0; b < bounds.size(); b++) {
      int from = bounds.get(b);
      int to = b + 1 < bounds.size() ? bounds.get(b + 1) : nodes.size();
      Heading h = (Heading) nodes.get(from);
      sections.add(
          new RawSection(
              page,
              PlainText.of(h),
              anchor(page, h),
              page.originalLine(first(h)),
              List.copyOf(nodes.subList(from, to)),
              first(h),
              to < nodes.size() ? first(nodes.get(to)) : end));
    }
    return sections;
  }

  /** The whole page as one section, or null when it has no content. */
  static RawSection whole(PreparedPage page, List<Node> nodes, String title) {
    Node content = firstContent(nodes);
    if (content == null) {
      return null;
    }
    Heading h = content instanceof Heading head ? head : null;
    return new RawSection(
        page,
        title != null ? title : h != null ? PlainText.of(h) : null,
        anchor(page, h),
        page.originalLine(first(content)),
        List.copyOf(nodes),
        0,
        page.lines().size());
  }

  /**
   * Splits a single-file book into chapters. When the file's highest heading level occurs once and
   * deeper headings exist, that heading is the book title, the next level makes chapters and the
   * one below sections; otherwise the highest level makes chapters. Text before the first chapter
   * heading becomes a chapter of its own (titled later as the book).
   *
   * @return the chapters; {@code titleOut[0]} receives the title heading's text, if any
   */
  static List<RawSection.Chapter> splitFile(
      PreparedPage page, List<Node> nodes, String[] titleOut) {
    int min = 7;
    for (Node n : nodes) {
      if (n instanceof Heading h) {
        min = Math.min(min, h.getLevel());
      }
    }
    List<RawSection.Chapter> chapters = new ArrayList<>();
    if (min == 7) {
      RawSection all = whole(page, nodes, null);
      if (all != null) {
        chapters.add(new RawSection.Chapter(null, page.rel(), List.of(all)));
      }
      return chapters;
    }
    final int top = min;
    List<Heading> tops =
        nodes.stream()
            .filter(n -> n instanceof Heading h && h.getLevel() == top)
            .map(Heading.class::cast)
            .toList();
    boolean deeper = nodes.stream().anyMatch(n -> n instanceof Heading h && h.getLevel() > top);
    Heading bookTitle = tops.size() == 1 && deeper ? tops.get(0) : null;
    if (bookTitle != null) {
      titleOut[0] = PlainText.of(bookTitle);
    }
    int chapterLevel = bookTitle != null ? top + 1 : top;
    List<Integer> bounds = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i) instanceof Heading h && h != bookTitle && h.getLevel() <= chapterLevel) {
        bounds.add(i);
      }
    }
    int preEnd = bounds.isEmpty() ? nodes.size() : bounds.get(0);
    List<Node> pre = nodes.subList(0, preEnd).stream().filter(n -> n != bookTitle).toList();
    if (pre.stream().anyMatch(SectionSplitter::isContent)) {
      int end = bounds.isEmpty() ? page.lines().size() : first(nodes.get(preEnd));
      List<RawSection> s = split(page, pre, first(pre.get(0)), end, null, null, chapterLevel + 1);
      chapters.add(new RawSection.Chapter(null, page.rel(), s));
    }
    for (int b = 0; b < bounds.size(); b++) {
      int from = bounds.get(b);
      int to = b + 1 < bounds.size() ? bounds.get(b + 1) : nodes.size();
      Heading h = (Heading) nodes.get(from);
      int end = to < nodes.size() ? first(nodes.get(to)) : page.lines().size();
      String title = PlainText.of(h);
      List<RawSection> s =
          split(page, nodes.subList(from, to), first(h), end, title, h, chapterLevel + 1);
      if (!s.isEmpty()) {
        chapters.add(new RawSection.Chapter(title, page.rel(), s));
      }
    }
    return chapters;
  }

  /** Whether the node carries text (not an HTML comment or link definition). */
  static boolean isContent(Node n) {
    if (n instanceof HtmlBlock h) {
      return !commentOnly(h.getLiteral());
    }
    return !(n instanceof LinkReferenceDefinition);
  }

  /** Whether the HTML is only comments and whitespace. */
  static boolean commentOnly(String html) {
    return html.replaceAll("(?s)<!--.*?(-->|$)", "").isBlank();
  }

  /** Preprocessed line index of the node's first line. */
  static int first(Node n) {
    return n.getSourceSpans().get(0).getLineIndex();
  }

  /** Preprocessed line index of the node's last line. */
  static int last(Node n) {
    return n.getSourceSpans().get(n.getSourceSpans().size() - 1).getLineIndex();
  }

  private static Node firstContent(List<Node> nodes) {
    return nodes.stream().filter(SectionSplitter::isContent).findFirst().orElse(null);
  }

  private static String anchor(PreparedPage page, Heading h) {
    return h == null ? null : page.anchors().get(first(h));
  }
}

package dev.bunsui.parse;

import dev.bunsui.book.FigureOutline;
import dev.bunsui.book.FigureType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;

/**
 * Turns a section's Markdown nodes into {@link Block}s, its figures and its final Markdown text.
 * HTML comments are dropped; fenced diagrams and inline {@code <svg>} become figures whose lines
 * the Markdown replaces with {@code ![alt](figure:<id>)}.
 */
final class BlockExtractor {
  private static final Pattern IMG = Pattern.compile("(?is)<img\\b[^>]*>");
  private static final Pattern ATTR =
      Pattern.compile("(?is)\\b(src|alt)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
  private static final Pattern SVG = Pattern.compile("(?is)<svg\\b.*?</svg>");
  private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?(-->|$)");
  private static final Pattern DIAGRAM_TITLE = Pattern.compile("(?m)^\\s*title:?\\s+(.+)$");

  /**
   * What a section became.
   *
   * @param blocks blocks in document order
   * @param markdown the section's Markdown
   * @param figures figures in document order
   */
  record Result(List<Block> blocks, String markdown, List<FigureOutline> figures) {}

  private final FigureResolver resolver;

  BlockExtractor(FigureResolver resolver) {
    this.resolver = resolver;
  }

  /** Extracts the section whose id is {@code sectionId}. */
  Result extract(RawSection section, String sectionId) {
    Run run = new Run(section.page(), sectionId);
    for (Node n : section.nodes()) {
      run.block(n);
    }
    return new Result(
        List.copyOf(run.blocks),
        run.markdown(section.start(), section.end()),
        List.copyOf(run.figures));
  }

  /** State of one extraction. */
  private final class Run {
    private final PreparedPage page;
    private final String sectionId;
    private final List<Block> blocks = new ArrayList<>();
    private final List<FigureOutline> figures = new ArrayList<>();
    private final Map<Integer, String> replaced = new HashMap<>();
    private final Set<Integer> removed = new HashSet<>();

    Run(PreparedPage page, String sectionId) {
      this.page = page;
      this.sectionId = sectionId;
    }

    void block(Node n) {
      if (n.getSourceSpans().isEmpty()) {
        return;
      }
      int line = page.originalLine(SectionSplitter.first(n));
      switch (n) {
        case Heading h -> add(BlockType.HEADING, PlainText.of(h), null, h.getLevel(), line);
        case Paragraph p -> {
          List<FigureOutline> found = images(p, line);
          if (!found.isEmpty() && imagesOnly(raw(p))) {
            asMarkdownImages(p, found);
          } else {
            add(BlockType.PARAGRAPH, PlainText.of(p), null, 0, line);
          }
        }
        case BulletList l -> children(l);
        case OrderedList l -> children(l);
        case ListItem item -> listItem(item, line);
        case BlockQuote q -> {
          add(BlockType.QUOTE, PlainText.of(q), null, 0, line);
          images(q, line);
        }
        case FencedCodeBlock f -> fenced(f, line);
        case IndentedCodeBlock c -> add(BlockType.CODE, trimEnd(c.getLiteral()), null, 0, line);
        case HtmlBlock h -> html(h, line);
        case TableBlock t -> add(BlockType.TABLE, table(t), null, 0, line);
        case ThematicBreak t -> {}
        case LinkReferenceDefinition d -> {}
        default -> children(n);
      }
    }

    private void children(Node n) {
      for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
        block(c);
      }
    }

    private void listItem(ListItem item, int line) {
      StringBuilder text = new StringBuilder();
      for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
        if (c instanceof Paragraph p) {
          text.append(text.isEmpty() ? "" : "\n").append(PlainText.of(p));
        }
      }
      add(BlockType.LIST_ITEM, text.toString(), null, 0, line);
      for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
        if (c instanceof Paragraph p) {
          images(p, page.originalLine(SectionSplitter.first(p)));
        } else {
          block(c);
        }
      }
    }

    private void fenced(FencedCodeBlock f, int line) {
      String info = f.getInfo() == null ? "" : f.getInfo().strip();
      String lang = info.isEmpty() ? null : info.split("[\\s,{]+")[0].toLowerCase(Locale.ROOT);
      String code = trimEnd(f.getLiteral());
      FigureType type = null;
      if ("mermaid".equals(lang)) {
        type = FigureType.MERMAID;
      } else if ("plantuml".equals(lang) || "puml".equals(lang) || code.startsWith("@startuml")) {
        type = FigureType.PLANTUML;
      }
      if (type == null || code.isBlank()) {
        add(BlockType.CODE, code, lang == null || lang.isEmpty() ? null : lang, 0, line);
        return;
      }
      Matcher t = DIAGRAM_TITLE.matcher(code);
      String alt = t.find() ? t.group(1).strip() : "";
      String id = nextId();
      figure(resolver.fromText(id, type, code, alt, page.rel(), line), f);
    }

    private void html(HtmlBlock h, int line) {
      String html = COMMENT.matcher(h.getLiteral()).replaceAll("").strip();
      if (html.isBlank()) {
        removeLines(h);
        return;
      }
      Matcher svg = SVG.matcher(html);
      if (svg.find()
          && html.replace(svg.group(), "").replaceAll("(?is)</?(p|div)\\b[^>]*>", "").isBlank()) {
        String id = nextId();
        figure(resolver.fromText(id, FigureType.SVG, svg.group(), "", page.rel(), line), h);
        return;
      }
      if (!imagesOnly(html)) {
        add(BlockType.HTML, html, null, 0, line);
      }
      List<FigureOutline> found = htmlImages(html, line);
      if (imagesOnly(html) && !found.isEmpty()) {
        asMarkdownImages(h, found);
      }
    }

    /** Whether HTML holds nothing but {@code <img>} tags (and wrapping p/div/center tags). */
    private boolean imagesOnly(String html) {
      return html.contains("<img")
          && IMG.matcher(html)
              .replaceAll("")
              .replaceAll("(?is)</?(p|div|center)\\b[^>]*>", "")
              .isBlank();
    }

    private String raw(Node node) {
      return String.join(
          "\n", page.lines().subList(SectionSplitter.first(node), SectionSplitter.last(node) + 1));
    }

    /**
     * Replaces an image-only HTML node with Markdown images, so generated outputs can carry the
     * figures and their links can be rewritten to the converted PNGs.
     */
    private void asMarkdownImages(Node node, List<FigureOutline> found) {
      StringBuilder images = new StringBuilder();
      for (FigureOutline f : found) {
        images.append(images.isEmpty() ? "" : "\n\n");
        images.append("![").append(f.alt().replace("]", ")")).append("](");
        images.append(f.link()).append(")");
      }
      removeLines(node);
      int first = SectionSplitter.first(node);
      removed.remove(first);
      replaced.put(first, images.toString());
    }

    private void figure(FigureOutline figure, Node node) {
      if (figure == null) {
        return;
      }
      figures.add(figure);
      add(BlockType.FIGURE, figure.id(), null, 0, figure.line());
      int first = SectionSplitter.first(node);
      String indent = page.lines().get(first).replaceAll("^(\\s*(?:>\\s*)*).*$", "$1");
      replaced.put(first, indent + "![" + figure.alt() + "](" + figure.link() + ")");
      for (int i = first + 1; i <= SectionSplitter.last(node); i++) {
        removed.add(i);
      }
    }

    private List<FigureOutline> images(Node container, int line) {
      List<FigureOutline> found = new ArrayList<>();
      container.accept(
          new AbstractVisitor() {
            @Override
            public void visit(Image image) {
              StringBuilder alt = new StringBuilder();
              for (Node c = image.getFirstChild(); c != null; c = c.getNext()) {
                alt.append(PlainText.of(c));
              }
              FigureOutline f =
                  resolver.fromLink(nextId(), image.getDestination(), alt.toString(), page, line);
              addFigure(f);
              if (f != null) {
                found.add(f);
              }
            }

            @Override
            public void visit(HtmlInline inline) {
              found.addAll(htmlImages(inline.getLiteral(), line));
            }
          });
      return found;
    }

    private List<FigureOutline> htmlImages(String html, int line) {
      List<FigureOutline> found = new ArrayList<>();
      Matcher img = IMG.matcher(html);
      while (img.find()) {
        String src = null;
        String alt = "";
        Matcher a = ATTR.matcher(img.group());
        while (a.find()) {
          String v = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
          if (a.group(1).equalsIgnoreCase("src")) {
            src = v;
          } else {
            alt = v.replaceAll("\\s+", " ").strip();
          }
        }
        if (src != null && !src.isBlank()) {
          FigureOutline f = resolver.fromLink(nextId(), src, alt, page, line);
          addFigure(f);
          if (f != null) {
            found.add(f);
          }
        }
      }
      return found;
    }

    private void addFigure(FigureOutline f) {
      if (f != null) {
        figures.add(f);
        add(BlockType.FIGURE, f.id(), null, 0, f.line());
      }
    }

    private int counter;

    private String nextId() {
      return sectionId + "#fig-" + ++counter;
    }

    private void removeLines(Node node) {
      for (int i = SectionSplitter.first(node); i <= SectionSplitter.last(node); i++) {
        removed.add(i);
      }
    }

    private void add(BlockType type, String text, String language, int level, int line) {
      if (type.prose() && (text == null || text.isBlank())) {
        return;
      }
      blocks.add(new Block(type, text, language, level, line));
    }

    String markdown(int start, int end) {
      List<String> out = new ArrayList<>();
      int blank = 0;
      for (int i = start; i < end && i < page.lines().size(); i++) {
        if (removed.contains(i)) {
          continue;
        }
        String line = replaced.getOrDefault(i, page.lines().get(i));
        blank = line.isBlank() ? blank + 1 : 0;
        if (blank <= 1 && !(line.isBlank() && out.isEmpty())) {
          out.add(line.isBlank() ? "" : line);
        }
      }
      while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
        out.remove(out.size() - 1);
      }
      return out.isEmpty() ? "" : String.join("\n", out) + "\n";
    }
  }

  private static String table(TableBlock t) {
    StringBuilder b = new StringBuilder();
    t.accept(
        new AbstractVisitor() {
          @Override
          public void visitChildren(Node parent) {
            if (parent instanceof TableRow row) {
              List<String> cells = new ArrayList<>();
              for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof TableCell cell) {
                  cells.add(PlainText.of(cell).replace('\n', ' '));
                }
              }
              b.append(b.isEmpty() ? "" : "\n").append(String.join(" | ", cells));
              return;
            }
            super.visitChildren(parent);
          }
        });
    return b.toString();
  }

  private static String trimEnd(String s) {
    return s == null ? "" : s.replaceAll("\\s+$", "");
  }
}

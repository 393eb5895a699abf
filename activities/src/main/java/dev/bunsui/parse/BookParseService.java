package dev.bunsui.parse;

import dev.bunsui.book.BookOutline;
import dev.bunsui.book.BookRequest;
import dev.bunsui.book.ChapterOutline;
import dev.bunsui.book.FigureOutline;
import dev.bunsui.book.SectionOutline;
import dev.bunsui.parse.BookPlan.ChapterPlan;
import dev.bunsui.parse.BookPlan.PagePlan;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.ArtifactStore;
import dev.bunsui.support.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

/**
 * Parses a Markdown book into chapters and sections, stores every section ({@link SectionContent}
 * as JSON), every figure source and the whole {@link BookTree}, and returns the {@link
 * BookOutline}.
 *
 * <h2>Layouts</h2>
 *
 * <ul>
 *   <li>{@code mdbook}: a folder with {@code src/SUMMARY.md} (the book folder is that folder), or a
 *       folder named {@code src} with a {@code SUMMARY.md} (the book folder is its parent, so
 *       {@code ../listings} includes work), or a folder with {@code SUMMARY.md} and {@code
 *       book.toml}.
 *   <li>{@code honkit}: a folder with {@code SUMMARY.md} (HonKit, GitBook).
 *   <li>{@code folder}: any other folder; its {@code *.md} files (hidden folders and {@code
 *       node_modules} left out) sorted by path, a folder's {@code README.md} / {@code index.md}
 *       standing for the folder itself and sorting before its other files.
 *   <li>{@code file}: one Markdown file; the book folder is its parent.
 * </ul>
 *
 * <h2>Structure</h2>
 *
 * <ul>
 *   <li>SUMMARY layouts: each top-level entry (prefix and suffix links included) is a chapter
 *       titled by its link text. With nested entries, the chapter's own page is its first section
 *       and each nested entry's page (any depth, flattened in order) one further section titled by
 *       its link text; headings inside a page stay inside its section. Without nested entries the
 *       page is split as in the folder layout. Drafts (empty links), missing pages and pages
 *       outside the book folder are skipped with their SUMMARY line.
 *   <li>Folder layout: each page is a chapter titled by its title heading (its first content when
 *       that is a heading), else its front matter {@code title}, else its file (or folder) name.
 *       Sections are the page's parts one heading level below the title heading ({@code ##} for a
 *       {@code #} title, and {@code ##} when there is no title heading); text before the first such
 *       heading is a first section titled as the chapter, dropped when it holds nothing but the
 *       title heading.
 *   <li>Single file: when the file's highest heading level occurs once (usually one {@code #}) and
 *       deeper headings exist, that heading is the book title, the next level ({@code ##}) makes
 *       chapters and the one below ({@code ###}) sections; otherwise the highest level makes
 *       chapters and the next level sections. Text before the first chapter heading is a chapter of
 *       its own titled as the book; a file without headings is one chapter of one section.
 * </ul>
 *
 * <p>Each section keeps the file (relative to the book folder) and the 1-based line of its heading
 * in the original file, whatever includes added above it. Section ids read {@code chNN/<slug of the
 * {#id} anchor, else of the title>} ({@code section-N} when the slug is empty), made unique with
 * {@code -2}, {@code -3}…; figure ids {@code <section id>#fig-<n>}.
 *
 * <h2>Title, language, id</h2>
 *
 * <p>A null title is taken from mdBook's {@code book.toml}, else {@code SUMMARY.md}'s first {@code
 * #} heading, else the front page's front matter {@code title} (the single file, or a {@code
 * README.md}/{@code index.md} at the top of the book), else the front page's title heading, else
 * the folder or file name. A null language is detected from the prose ({@link LanguageDetector}).
 * The book id is {@code <ASCII slug of the title, or book>-<first 8 hex of the SHA-256 over every
 * source byte read>}.
 *
 * <h2>Errors</h2>
 *
 * <p>Whole-book problems throw {@link BookInputException}: missing path, a single source or {@code
 * SUMMARY.md} that is binary or not UTF-8, no Markdown or no text at all, Markdown over {@link
 * ParseSettings#maxBookBytes()}. Problems of one page, include, section or figure become {@code
 * SkippedItem}s (code {@code INPUT_INVALID}) naming file, line and reason while the rest goes on.
 * Nothing outside the book folder is read (paths are checked again after resolving symlinks).
 */
public final class BookParseService {
  private final ArtifactStore store;
  private final ParseSettings settings;

  /**
   * Creates the service.
   *
   * @param store where sections, figure sources and the tree are stored
   * @param settings size limit and remote image switch
   */
  public BookParseService(ArtifactStore store, ParseSettings settings) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Parses the book at {@code request.source()}.
   *
   * @param request the source path, and optional language and title
   * @return chapters and sections with references to their stored content, and what was skipped
   * @throws BookInputException when the book as a whole cannot be parsed (see the class comment)
   * @throws dev.bunsui.store.StoreException when the store cannot be written
   */
  public BookOutline parse(BookRequest request) {
    SkipLog skips = new SkipLog();
    BookPlan plan = BookLayouts.plan(request.source(), settings.maxBookBytes(), skips);
    SourceFiles files = plan.files();
    Preprocessor preprocessor = new Preprocessor(files, skips);
    boolean single = plan.layout().equals("file");

    List<RawSection.Chapter> chapters = new ArrayList<>();
    String frontTitle = null;
    for (ChapterPlan cp : plan.chapters()) {
      if (single) {
        PreparedPage page = load(preprocessor, files, cp.pages().get(0).file(), null);
        String[] titleHeading = new String[1];
        chapters.addAll(SectionSplitter.splitFile(page, SectionSplitter.parse(page), titleHeading));
        frontTitle = first(page.frontMatterText("title"), titleHeading[0]);
      } else if (cp.split()) {
        PreparedPage page = load(preprocessor, files, cp.pages().get(0).file(), skips);
        if (page == null) {
          continue;
        }
        List<Node> nodes = SectionSplitter.parse(page);
        Heading th = SectionSplitter.titleHeading(nodes);
        String headingText = th == null ? null : PlainText.of(th);
        String title =
            first(cp.title(), headingText, page.frontMatterText("title"), pageName(files, page));
        int level = th == null ? 2 : Math.max(2, th.getLevel() + 1);
        List<RawSection> sections =
            SectionSplitter.split(page, nodes, 0, page.lines().size(), title, th, level);
        if (sections.isEmpty()) {
          skips.add(page.rel(), page.rel(), 0, "the page has no text");
        } else {
          chapters.add(new RawSection.Chapter(title, page.rel(), sections));
        }
        if (frontTitle == null && isFrontPage(files, page.file())) {
          frontTitle = first(page.frontMatterText("title"), headingText);
        }
      } else {
        List<RawSection> sections = new ArrayList<>();
        for (PagePlan pp : cp.pages()) {
          PreparedPage page = load(preprocessor, files, pp.file(), skips);
          RawSection s =
              page == null
                  ? null
                  : SectionSplitter.whole(page, SectionSplitter.parse(page), pp.title());
          if (s != null) {
            sections.add(s);
          } else if (page != null) {
            skips.add(page.rel(), page.rel(), 0, "the page has no text");
          }
        }
        if (!sections.isEmpty()) {
          chapters.add(new RawSection.Chapter(cp.title(), sections.get(0).page().rel(), sections));
        }
      }
    }
    if (chapters.isEmpty()) {
      throw new BookInputException(
          plan.source(), 0, "the book has no text (every page is empty or was skipped)");
    }

    String lang = blank(request.lang()) ? LanguageDetector.detect(prose(chapters)) : request.lang();
    String title =
        blank(request.title())
            ? first(plan.configTitle(), plan.summaryTitle(), frontTitle, plan.name())
            : request.title().strip();
    return assemble(plan, chapters, title, lang, blank(request.lang()), skips);
  }

  private BookOutline assemble(
      BookPlan plan,
      List<RawSection.Chapter> raw,
      String title,
      String lang,
      boolean detectPerSection,
      SkipLog skips) {
    BlockExtractor extractor =
        new BlockExtractor(new FigureResolver(store, plan.files(), settings, skips));
    Set<String> used = new HashSet<>();
    List<ChapterOutline> chapters = new ArrayList<>();
    List<BookTree.Chapter> tree = new ArrayList<>();
    for (RawSection.Chapter rc : raw) {
      int number = chapters.size() + 1;
      String chapterTitle = rc.title() != null ? rc.title() : title;
      String prefix = String.format(Locale.ROOT, "ch%02d/", number);
      List<SectionOutline> sections = new ArrayList<>();
      List<BookTree.Section> treeSections = new ArrayList<>();
      for (RawSection s : rc.sections()) {
        int n = sections.size() + 1;
        String sectionTitle = s.title() != null ? s.title() : chapterTitle;
        String slug = Slugs.slug(s.anchor() != null ? s.anchor() : sectionTitle);
        String id = unique(prefix + (slug.isEmpty() ? "section-" + n : slug), used);
        String anchor = s.anchor() != null ? s.anchor() : id.substring(prefix.length());
        BlockExtractor.Result r = extractor.extract(s, id);
        SectionContent content =
            new SectionContent(
                id,
                chapterTitle,
                sectionTitle,
                anchor,
                detectPerSection ? sectionLang(r.blocks(), lang) : lang,
                s.page().rel(),
                s.line(),
                r.markdown(),
                r.blocks(),
                s.page().frontMatter());
        ArtifactRef ref = store.put(Json.write(content), "application/json", "json");
        sections.add(
            new SectionOutline(id, n, sectionTitle, s.page().rel(), s.line(), ref, r.figures()));
        treeSections.add(
            new BookTree.Section(
                id,
                n,
                sectionTitle,
                s.page().rel(),
                s.line(),
                ref.uri(),
                r.figures().stream().map(FigureOutline::id).toList()));
      }
      chapters.add(
          new ChapterOutline(number, chapterTitle, rc.sourceFile(), List.copyOf(sections)));
      tree.add(new BookTree.Chapter(number, chapterTitle, rc.sourceFile(), treeSections));
    }
    String bookId = Slugs.bookSlug(title) + "-" + plan.files().hash().substring(0, 8);
    BookTree bookTree = new BookTree(bookId, title, lang, plan.layout(), tree, skips.items());
    ArtifactRef treeRef = store.put(Json.write(bookTree), "application/json", "json");
    return new BookOutline(
        bookId, title, lang, plan.layout(), treeRef, List.copyOf(chapters), skips.items());
  }

  /** Reads and preprocesses a page; with a skip log a bad page is skipped, else it throws. */
  private static PreparedPage load(
      Preprocessor preprocessor, SourceFiles files, Path file, SkipLog skips) {
    try {
      return preprocessor.prepare(file, files.readText(file));
    } catch (BookInputException e) {
      if (skips == null) {
        throw e;
      }
      skips.add(e);
      return null;
    }
  }

  private static String prose(List<RawSection.Chapter> chapters) {
    StringBuilder b = new StringBuilder();
    for (RawSection.Chapter c : chapters) {
      for (RawSection s : c.sections()) {
        for (Node n : s.nodes()) {
          if (b.length() > 200_000) {
            return b.toString();
          }
          b.append(PlainText.of(n)).append('\n');
        }
      }
    }
    return b.toString();
  }

  private static boolean isFrontPage(SourceFiles files, Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    Path dir = file.getParent();
    return (name.equals("readme.md") || name.equals("index.md"))
        && (dir.equals(files.root()) || dir.equals(files.root().resolve("src")));
  }

  private static String pageName(SourceFiles files, PreparedPage page) {
    Path file = page.file();
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if ((lower.equals("readme.md") || lower.equals("index.md"))
        && !file.getParent().equals(files.root())) {
      return file.getParent().getFileName().toString();
    }
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String unique(String id, Set<String> used) {
    String candidate = id;
    for (int i = 2; !used.add(candidate); i++) {
      candidate = id + "-" + i;
    }
    return candidate;
  }

  private static String first(String... values) {
    for (String v : values) {
      if (!blank(v)) {
        return v.strip();
      }
    }
    return null;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * The language of one section when the run did not fix it: a mixed book (an English book with a
   * Japanese chapter) gets each section's own language; short sections keep the book's.
   */
  private static String sectionLang(List<Block> blocks, String bookLang) {
    StringBuilder prose = new StringBuilder();
    for (Block b : blocks) {
      if (b.type().prose()) {
        prose.append(b.text()).append('\n');
      }
    }
    return prose.length() < 80 ? bookLang : LanguageDetector.detect(prose);
  }
}

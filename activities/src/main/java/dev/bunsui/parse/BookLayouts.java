package dev.bunsui.parse;

import dev.bunsui.parse.BookPlan.ChapterPlan;
import dev.bunsui.parse.BookPlan.PagePlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds out how a book is laid out and which pages make its chapters, in order. */
final class BookLayouts {
  private static final Pattern TOML_TITLE =
      Pattern.compile("(?m)^\\s*title\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

  private BookLayouts() {}

  /**
   * Plans the book at {@code source}.
   *
   * @throws BookInputException when the path is missing, the book has no Markdown or is over the
   *     size limit
   */
  static BookPlan plan(String source, long maxBytes, SkipLog skips) {
    if (source == null || source.isBlank()) {
      throw new BookInputException(null, 0, "no book source given");
    }
    Path given;
    try {
      given = Path.of(source).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new BookInputException(source, 0, "not a valid path: " + e.getReason());
    }
    if (!Files.exists(given)) {
      throw new BookInputException(source, 0, "no such file or folder");
    }
    Path real;
    try {
      real = given.toRealPath();
    } catch (IOException e) {
      throw new BookInputException(source, 0, "cannot be opened: " + e.getMessage());
    }
    if (Files.isRegularFile(real) && real.getFileName().toString().equals("SUMMARY.md")) {
      real = real.getParent();
    }
    if (Files.isRegularFile(real)) {
      SourceFiles files = new SourceFiles(real.getParent());
      checkSize(source, List.of(real), maxBytes);
      return new BookPlan(
          "file",
          files,
          source,
          stem(real),
          null,
          null,
          List.of(new ChapterPlan(null, List.of(new PagePlan(real, null)), true)));
    }
    if (!Files.isDirectory(real)) {
      throw new BookInputException(source, 0, "neither a regular file nor a folder");
    }
    if (Files.isRegularFile(real.resolve("src").resolve("SUMMARY.md"))) {
      return summaryBook(source, "mdbook", real, real.resolve("src"), maxBytes, skips);
    }
    if (Files.isRegularFile(real.resolve("SUMMARY.md"))) {
      boolean srcOfMdBook =
          real.getFileName() != null
              && real.getFileName().toString().equals("src")
              && real.getParent() != null
              && !Files.isRegularFile(real.resolve("book.toml"));
      if (srcOfMdBook) {
        return summaryBook(source, "mdbook", real.getParent(), real, maxBytes, skips);
      }
      String layout = Files.isRegularFile(real.resolve("book.toml")) ? "mdbook" : "honkit";
      return summaryBook(source, layout, real, real, maxBytes, skips);
    }
    return folderBook(source, real, maxBytes, skips);
  }

  private static BookPlan summaryBook(
      String source, String layout, Path root, Path pageBase, long maxBytes, SkipLog skips) {
    SourceFiles files = new SourceFiles(root);
    Path summaryFile;
    try {
      summaryFile = files.resolveInside(pageBase, "SUMMARY.md");
    } catch (ProblemException e) {
      throw new BookInputException(source, 0, "SUMMARY.md " + e.reason());
    }
    String configTitle = null;
    Path toml = root.resolve("book.toml");
    if (Files.isRegularFile(toml)) {
      try {
        Matcher m = TOML_TITLE.matcher(files.readText(files.resolveInside(root, "book.toml")));
        configTitle = m.find() ? m.group(1).replace("\\\"", "\"").strip() : null;
      } catch (ProblemException | BookInputException e) {
        skips.add("book.toml", "book.toml", 0, "book.toml ignored: " + e.getMessage());
      }
    }
    String summaryRel = files.rel(summaryFile);
    Summary summary = Summary.parse(files.readText(summaryFile));
    List<ChapterPlan> chapters = new ArrayList<>();
    Set<Path> all = new LinkedHashSet<>();
    all.add(summaryFile);
    for (Summary.Entry top : summary.chapters()) {
      PagePlan own = page(files, pageBase, summaryRel, top, skips);
      List<PagePlan> pages = new ArrayList<>();
      if (own != null) {
        pages.add(own);
      }
      for (Summary.Entry child : top.children()) {
        PagePlan p = page(files, pageBase, summaryRel, child, skips);
        if (p != null) {
          pages.add(p);
        }
      }
      if (!pages.isEmpty()) {
        chapters.add(new ChapterPlan(top.title(), pages, top.children().isEmpty()));
        pages.forEach(p -> all.add(p.file()));
      }
    }
    if (chapters.isEmpty()) {
      throw new BookInputException(summaryRel, 0, "SUMMARY.md lists no readable Markdown page");
    }
    checkSize(source, all, maxBytes);
    return new BookPlan(
        layout,
        files,
        source,
        root.getFileName().toString(),
        configTitle,
        summary.title(),
        chapters);
  }

  private static PagePlan page(
      SourceFiles files, Path base, String summaryRel, Summary.Entry e, SkipLog skips) {
    if (e.link().isBlank()) {
      skips.add(
          e.title(), summaryRel, e.line(), "draft '" + e.title() + "' has no page (empty link)");
      return null;
    }
    if (SCHEME.matcher(e.link()).matches()) {
      skips.add(e.title(), summaryRel, e.line(), "'" + e.link() + "' is not a page of the book");
      return null;
    }
    try {
      return new PagePlan(files.resolveInside(base, e.link()), e.title());
    } catch (ProblemException p) {
      skips.add(e.title(), summaryRel, e.line(), "page '" + e.link() + "' " + p.reason());
      return null;
    }
  }

  private static BookPlan folderBook(String source, Path root, long maxBytes, SkipLog skips) {
    SourceFiles files = new SourceFiles(root);
    List<Path> found;
    try (Stream<Path> walk = Files.walk(root)) {
      found =
          walk.filter(p -> !p.equals(root))
              .filter(p -> !hidden(root.relativize(p)))
              .filter(p -> isMarkdown(p) && Files.isRegularFile(p))
              .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new BookInputException(source, 0, "cannot list the folder: " + e.getMessage());
    }
    List<Path> pages = new ArrayList<>();
    for (Path p : found) {
      String rel = root.relativize(p).toString().replace('\\', '/');
      try {
        pages.add(files.resolveInside(root, rel));
      } catch (ProblemException e) {
        skips.add(rel, rel, 0, rel + " " + e.reason());
      }
    }
    if (pages.isEmpty()) {
      throw new BookInputException(source, 0, "no Markdown files (*.md) in the folder");
    }
    pages.sort(Comparator.comparing(p -> sortKey(files.rel(p)), BookLayouts::compareKeys));
    checkSize(source, pages, maxBytes);
    List<ChapterPlan> chapters =
        pages.stream()
            .map(p -> new ChapterPlan(null, List.of(new PagePlan(p, null)), true))
            .toList();
    return new BookPlan(
        "folder", files, source, root.getFileName().toString(), null, null, chapters);
  }

  /** Path segments; a folder's README.md or index.md sorts as the folder itself. */
  private static String[] sortKey(String rel) {
    String[] parts = rel.split("/");
    String last = parts[parts.length - 1].toLowerCase(Locale.ROOT);
    if (last.equals("readme.md") || last.equals("index.md")) {
      parts[parts.length - 1] = "";
    }
    return parts;
  }

  private static int compareKeys(String[] a, String[] b) {
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      int c = a[i].compareTo(b[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  private static boolean hidden(Path rel) {
    for (Path part : rel) {
      String s = part.toString();
      if (s.startsWith(".") || s.equals("node_modules")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMarkdown(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".md") || name.endsWith(".markdown");
  }

  private static void checkSize(String source, Iterable<Path> files, long maxBytes) {
    long total = 0;
    for (Path p : files) {
      try {
        total += Files.size(p);
      } catch (IOException e) {
        // unreadable files are reported when read
      }
    }
    if (total > maxBytes) {
      throw new BookInputException(
          source,
          0,
          "the book has "
              + total
              + " bytes of Markdown, over the limit of "
              + maxBytes
              + " bytes (bunsui.parse.max-book-bytes)");
    }
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}

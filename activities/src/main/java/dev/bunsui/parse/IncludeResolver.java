package dev.bunsui.parse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves mdBook's {@code {{#include path}}}, {@code {{#include path:anchor}}}, {@code {{#include
 * path:start:end}}} (either bound may be empty; a single number is one line), {@code
 * {{#rustdoc_include path[:anchor|range]}}} and {@code {{#playground path}}} relative to the
 * including file. For {@code rustdoc_include} only the selected lines are kept (mdBook would show
 * the rest as hidden lines). {@code ANCHOR:} and {@code ANCHOR_END:} marker lines are always
 * dropped. An include that is missing, escapes the book folder or names an unknown anchor is
 * removed and recorded as skipped. Included Markdown is expanded recursively (10 levels at most).
 */
final class IncludeResolver {
  static final Pattern DIRECTIVE =
      Pattern.compile("\\{\\{#(include|rustdoc_include|playground)\\s+([^}]*?)\\s*}}");
  private static final Pattern MARKER = Pattern.compile("ANCHOR(?:_END)?:\\s*[\\w-]+");
  private static final int MAX_DEPTH = 10;

  /** HonKit / GitBook include-codeblock plugin: {@code [import, name.js](path)} on its own line. */
  static final Pattern IMPORT =
      Pattern.compile("^\\s*\\[import(?:[:,][^\\]]*)?]\\(([^)\\s]+)\\)\\s*$");

  private final SourceFiles files;
  private final SkipLog skips;

  IncludeResolver(SourceFiles files, SkipLog skips) {
    this.files = files;
    this.skips = skips;
  }

  /**
   * Replaces every directive of one line.
   *
   * @param line the line as written
   * @param dir folder of the including file
   * @param rel the including page (for skipped items)
   * @param lineNo 1-based line of the directive in that page
   * @return the expanded text, possibly several lines joined by {@code \n}
   */
  String expand(String line, Path dir, String rel, int lineNo) {
    return expand(line, dir, rel, lineNo, 0);
  }

  /**
   * Turns a HonKit {@code [import, name](path)} line into a fenced code block of the file (language
   * from its extension).
   *
   * @return the fenced block, or the empty string when the file is unusable (recorded as skipped)
   */
  String importCode(String path, Path dir, String rel, int lineNo) {
    String content = include("import", path, dir, rel, lineNo, MAX_DEPTH - 1);
    if (content.isEmpty()) {
      return "";
    }
    String name = path.replaceAll("[?#].*$", "");
    String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
    String lang =
        switch (ext) {
          case "js", "mjs", "cjs" -> "js";
          case "ts" -> "ts";
          case "rs" -> "rust";
          case "py" -> "python";
          default -> ext;
        };
    return "```" + lang + "\n" + content + "\n```";
  }

  private String expand(String line, Path dir, String rel, int lineNo, int depth) {
    Matcher m = DIRECTIVE.matcher(line);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(line, last, m.start());
      out.append(include(m.group(1), m.group(2).strip(), dir, rel, lineNo, depth));
      last = m.end();
    }
    out.append(line, last, line.length());
    return out.toString();
  }

  private String include(String kind, String arg, Path dir, String rel, int lineNo, int depth) {
    String[] parts = arg.split(":", -1);
    String path = parts[0].strip();
    String what = kind.equals("import") ? "[import](" + arg + ")" : "{{#" + kind + " " + arg + "}}";
    try {
      if (depth > MAX_DEPTH) {
        throw new ProblemException("is nested more than " + MAX_DEPTH + " levels deep");
      }
      Path target = files.resolveInside(dir, path);
      String text = SourceFiles.decode(files.readBytes(target), files.rel(target));
      List<String> lines = select(text.split("\\R", -1), parts, path);
      StringBuilder b = new StringBuilder();
      for (String l : lines) {
        if (!b.isEmpty()) {
          b.append('\n');
        }
        b.append(path.endsWith(".md") ? expand(l, target.getParent(), rel, lineNo, depth + 1) : l);
      }
      return b.toString();
    } catch (ProblemException e) {
      skips.add(
          rel + ":" + lineNo + " " + what, rel, lineNo, "include '" + path + "' " + e.reason());
    } catch (BookInputException e) {
      skips.add(
          rel + ":" + lineNo + " " + what,
          rel,
          lineNo,
          "include '" + path + "' is unusable: " + e.getMessage());
    }
    return "";
  }

  private static List<String> select(String[] lines, String[] parts, String path)
      throws ProblemException {
    int n = lines.length;
    if (n > 0 && lines[n - 1].isEmpty()) {
      n--;
    }
    int from = 0;
    int to = n;
    if (parts.length == 2 && !parts[1].isBlank() && !isNumber(parts[1])) {
      return anchored(lines, n, parts[1].strip(), path);
    }
    if (parts.length == 2 && isNumber(parts[1])) {
      from = Integer.parseInt(parts[1].strip()) - 1;
      to = from + 1;
    } else if (parts.length >= 3) {
      from = parts[1].isBlank() ? 0 : number(parts[1]) - 1;
      to = parts[2].isBlank() ? n : number(parts[2]);
    }
    List<String> out = new ArrayList<>();
    for (int i = Math.max(0, from); i < Math.min(n, to); i++) {
      if (!MARKER.matcher(lines[i]).find()) {
        out.add(lines[i]);
      }
    }
    return out;
  }

  private static List<String> anchored(String[] lines, int n, String anchor, String path)
      throws ProblemException {
    Pattern start = Pattern.compile("ANCHOR:\\s*" + Pattern.quote(anchor) + "\\b");
    Pattern end = Pattern.compile("ANCHOR_END:\\s*" + Pattern.quote(anchor) + "\\b");
    List<String> out = new ArrayList<>();
    boolean in = false;
    boolean seen = false;
    for (int i = 0; i < n; i++) {
      if (!in && start.matcher(lines[i]).find()) {
        in = true;
        seen = true;
      } else if (in && end.matcher(lines[i]).find()) {
        in = false;
      } else if (in && !MARKER.matcher(lines[i]).find()) {
        out.add(lines[i]);
      }
    }
    if (!seen) {
      throw new ProblemException("has no anchor '" + anchor + "'");
    }
    return dedent(out);
  }

  private static List<String> dedent(List<String> lines) {
    int min = Integer.MAX_VALUE;
    for (String l : lines) {
      if (!l.isBlank()) {
        min = Math.min(min, l.length() - l.stripLeading().length());
      }
    }
    if (min == 0 || min == Integer.MAX_VALUE) {
      return lines;
    }
    int cut = min;
    return lines.stream().map(l -> l.length() >= cut ? l.substring(cut) : l.strip()).toList();
  }

  private static boolean isNumber(String s) {
    return s.strip().matches("\\d+");
  }

  private static int number(String s) throws ProblemException {
    if (!isNumber(s)) {
      throw new ProblemException("has an invalid line range ':" + s + "'");
    }
    return Integer.parseInt(s.strip());
  }
}

package dev.bunsui.parse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A page after preprocessing, ready for the Markdown parser.
 *
 * @param file real path of the page
 * @param rel the page relative to the book folder, '/' separators
 * @param lines the preprocessed lines
 * @param origLines for each preprocessed line, its 1-based line in the original file (lines brought
 *     in by an include carry the line of the directive)
 * @param anchors {@code {#id}} heading anchors by preprocessed line index (removed from the lines)
 * @param frontMatter the YAML front matter (empty when none)
 */
record PreparedPage(
    Path file,
    String rel,
    List<String> lines,
    int[] origLines,
    Map<Integer, String> anchors,
    Map<String, Object> frontMatter) {

  /** The preprocessed text, lines joined by {@code \n}. */
  String text() {
    return String.join("\n", lines) + "\n";
  }

  /** The original 1-based line of a preprocessed line index. */
  int originalLine(int index) {
    if (origLines.length == 0) {
      return 1;
    }
    return origLines[Math.max(0, Math.min(index, origLines.length - 1))];
  }

  /** The front matter's value as text, or null. */
  String frontMatterText(String key) {
    Object v = frontMatter.get(key);
    return v == null || v.toString().isBlank() ? null : v.toString().strip();
  }
}

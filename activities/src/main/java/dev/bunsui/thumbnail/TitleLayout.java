package dev.bunsui.thumbnail;

import java.awt.Font;
import java.awt.FontMetrics;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Wraps and sizes the chapter title. Lines break at the opportunities of {@link
 * BreakIterator#getLineInstance(Locale)} (Unicode line breaking, UAX #14: between words at spaces,
 * between CJK characters, not before closing punctuation); a segment still wider than the box is
 * broken between characters. The font shrinks from {@code maxSize} in steps of 4 pt until the lines
 * fit the box in width and height; at {@code minSize} overflowing lines are cut with an ellipsis.
 */
final class TitleLayout {
  private TitleLayout() {}

  /**
   * The fitted title.
   *
   * @param lines the lines to draw, top to bottom
   * @param font the font at the chosen size
   * @param lineHeight baseline-to-baseline distance in pixels
   */
  record Fitted(List<String> lines, Font font, int lineHeight) {}

  /** A source of metrics for a font (a {@code Graphics2D}'s, so measurements match drawing). */
  interface Metrics {
    FontMetrics of(Font font);
  }

  static Fitted fit(
      String text,
      Font base,
      Metrics metrics,
      int boxWidth,
      int boxHeight,
      int maxSize,
      int minSize,
      Locale locale) {
    for (int size = maxSize; ; size -= 4) {
      int s = Math.max(size, minSize);
      Font font = base.deriveFont(Font.BOLD, (float) s);
      FontMetrics fm = metrics.of(font);
      int lineHeight = Math.round(fm.getHeight() * 1.1f);
      List<String> lines = wrap(text, fm, boxWidth, locale);
      int maxLines = Math.max(1, boxHeight / lineHeight);
      if (lines.size() <= maxLines) {
        return new Fitted(lines, font, lineHeight);
      }
      if (s == minSize) {
        List<String> cut = new ArrayList<>(lines.subList(0, maxLines));
        cut.set(maxLines - 1, ellipsize(cut.get(maxLines - 1), fm, boxWidth));
        return new Fitted(cut, font, lineHeight);
      }
    }
  }

  /** Greedy line filling over the break opportunities. */
  static List<String> wrap(String text, FontMetrics fm, int width, Locale locale) {
    String normalized = text.strip().replaceAll("\\s+", " ");
    List<String> lines = new ArrayList<>();
    BreakIterator it = BreakIterator.getLineInstance(locale);
    it.setText(normalized);
    StringBuilder line = new StringBuilder();
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      String segment = normalized.substring(start, end);
      String candidate = line + segment;
      if (fm.stringWidth(candidate.stripTrailing()) <= width) {
        line.append(segment);
        continue;
      }
      if (!line.isEmpty()) {
        lines.add(line.toString().strip());
        line.setLength(0);
      }
      // a segment wider than the box on its own: break between characters
      for (int i = 0; i < segment.length(); ) {
        int cp = segment.codePointAt(i);
        String ch = new String(Character.toChars(cp));
        if (!line.isEmpty() && fm.stringWidth((line + ch).stripTrailing()) > width) {
          lines.add(line.toString().strip());
          line.setLength(0);
        }
        line.append(ch);
        i += Character.charCount(cp);
      }
    }
    if (!line.toString().isBlank()) {
      lines.add(line.toString().strip());
    }
    return lines;
  }

  private static String ellipsize(String line, FontMetrics fm, int width) {
    String s = line;
    while (!s.isEmpty() && fm.stringWidth(s + "…") > width) {
      s = s.substring(0, s.offsetByCodePoints(s.length(), -1));
    }
    return s.stripTrailing() + "…";
  }

  static Locale locale(String lang) {
    return lang == null || lang.isBlank() ? Locale.ROOT : Locale.forLanguageTag(lang);
  }
}

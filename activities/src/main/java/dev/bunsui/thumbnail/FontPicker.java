package dev.bunsui.thumbnail;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Chooses the font a thumbnail is drawn with; see {@link ThumbnailRenderer} for the search order.
 */
final class FontPicker {
  /** Japanese families first, then Chinese and Korean variants of the same CJK fonts. */
  static final List<String> CJK_FAMILIES =
      List.of(
          "Noto Sans CJK JP",
          "Noto Sans JP",
          "Source Han Sans JP",
          "IPAexGothic",
          "IPAGothic",
          "IPAPGothic",
          "TakaoGothic",
          "TakaoPGothic",
          "VL Gothic",
          "Hiragino Sans",
          "Yu Gothic",
          "Meiryo",
          "Noto Sans CJK SC",
          "Noto Sans CJK TC",
          "Noto Sans CJK KR",
          "Droid Sans Fallback");

  /** Latin sans-serif families. */
  static final List<String> LATIN_FAMILIES =
      List.of("Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica");

  private static final Set<String> LOGICAL =
      Set.of("dialog", "dialoginput", "serif", "sansserif", "monospaced");

  /**
   * The chosen font.
   *
   * @param font the base font (size 1; derive the size to draw with)
   * @param allGlyphsDisplayable whether it can display every character of the text
   */
  record Choice(Font font, boolean allGlyphsDisplayable) {}

  private final Font configured;

  /**
   * Creates the picker.
   *
   * @param fontFile a TrueType/OpenType file to use whatever the text, or null to search installed
   *     fonts
   * @throws IllegalArgumentException when the file cannot be read as a font
   */
  FontPicker(Path fontFile) {
    this.configured = fontFile == null ? null : load(fontFile);
  }

  /** Picks the font for the text in the language (BCP 47 tag such as {@code ja}, may be null). */
  Choice pick(String text, String lang) {
    if (configured != null) {
      return new Choice(configured, configured.canDisplayUpTo(text) == -1);
    }
    for (String family : candidates(lang)) {
      Font font = new Font(family, Font.PLAIN, 1);
      // Java substitutes Dialog for unknown names; only accept the family we asked for
      if (font.getFamily(Locale.ROOT).equalsIgnoreCase(family) && font.canDisplayUpTo(text) == -1) {
        return new Choice(font, true);
      }
    }
    return new Choice(new Font(Font.SANS_SERIF, Font.PLAIN, 1), false);
  }

  private static List<String> candidates(String lang) {
    Set<String> installed = new LinkedHashSet<>();
    String[] names =
        GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT);
    Arrays.sort(names);
    for (String name : names) {
      if (!LOGICAL.contains(name.toLowerCase(Locale.ROOT))) {
        installed.add(name);
      }
    }
    boolean cjkFirst = lang != null && lang.toLowerCase(Locale.ROOT).matches("(ja|zh|ko)(-.*)?");
    List<String> preferred = new ArrayList<>();
    preferred.addAll(cjkFirst ? CJK_FAMILIES : LATIN_FAMILIES);
    preferred.addAll(cjkFirst ? LATIN_FAMILIES : CJK_FAMILIES);
    List<String> order = new ArrayList<>();
    for (String family : preferred) {
      if (installed.contains(family)) {
        order.add(family);
      }
    }
    for (String family : installed) {
      if (!order.contains(family)) {
        order.add(family);
      }
    }
    return order;
  }

  private static Font load(Path file) {
    try {
      return Font.createFont(Font.TRUETYPE_FONT, file.toFile()).deriveFont(Font.PLAIN, 1f);
    } catch (FontFormatException | IOException e) {
      throw new IllegalArgumentException(
          "cannot load font file " + file + ": " + e.getMessage(), e);
    }
  }
}

package dev.bunsui.thumbnail;

import dev.bunsui.support.Hashes;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Draws a chapter thumbnail: a {@value #WIDTH}×{@value #HEIGHT} PNG (16:9, the size video platforms
 * recommend) with the chapter title large and wrapped ({@link TitleLayout}), and the book title and
 * chapter label ({@code Chapter N}, or {@code 第N章} for Japanese and Chinese) smaller, on a gradient
 * whose colours come from the SHA-256 of the chapter title, so the same title always gets the same
 * background.
 *
 * <p>Font search, in order:
 *
 * <ol>
 *   <li>the font file given to the constructor, whatever it can display;
 *   <li>among installed font families (logical fonts excluded), the first that can display every
 *       character drawn ({@code Font.canDisplayUpTo(text) == -1}), trying first, for {@code
 *       ja}/{@code zh}/{@code ko}, Noto Sans CJK JP, Noto Sans JP, Source Han Sans JP, IPAex/IPA
 *       Gothic, Takao, VL Gothic and other CJK fonts, otherwise Noto Sans, DejaVu Sans, Liberation
 *       Sans first, then the other group, then every other family alphabetically;
 *   <li>the logical {@code SansSerif} font, reporting {@link Thumbnail#allGlyphsDisplayable()}
 *       false so the caller can warn (on Debian, {@code scripts/install-fonts.sh} installs {@code
 *       fonts-noto-cjk}).
 * </ol>
 *
 * <p>Headless-safe: sets {@code java.awt.headless=true} unless set explicitly, and draws only into
 * a {@link BufferedImage}. Thread-safe.
 */
public final class ThumbnailRenderer {
  /** Image width in pixels. */
  public static final int WIDTH = 1280;

  /** Image height in pixels. */
  public static final int HEIGHT = 720;

  /** Version of the drawing; bump when a layout change alters thumbnails (step cache key). */
  public static final String VERSION = "thumbnail-1";

  static final int MARGIN = 80;
  static final int TITLE_TOP = 190;
  static final int TITLE_BOTTOM = HEIGHT - 130;
  static final int TITLE_MAX_SIZE = 96;
  static final int TITLE_MIN_SIZE = 36;

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private final FontPicker fonts;

  /**
   * Creates the renderer.
   *
   * @param fontFile a TrueType/OpenType font file to draw with, or null to search installed fonts
   * @throws IllegalArgumentException when the font file cannot be loaded
   */
  public ThumbnailRenderer(Path fontFile) {
    this.fonts = new FontPicker(fontFile);
  }

  /**
   * Renders a thumbnail.
   *
   * @param chapterTitle drawn large; wrapped and shrunk to fit, cut with an ellipsis when even the
   *     smallest size overflows
   * @param bookTitle drawn small at the top; may be empty
   * @param chapterNumber 1-based, drawn as the chapter label
   * @param lang BCP 47 language of the book ({@code ja}, {@code en}); chooses fonts, line breaking
   *     and the label; may be null
   * @return the PNG and which font drew it
   */
  public Thumbnail render(String chapterTitle, String bookTitle, int chapterNumber, String lang) {
    return renderCard(chapterTitle, bookTitle, label(chapterNumber, lang), lang);
  }

  /**
   * Renders a card with the same layout as a chapter thumbnail but free texts: a creative's image
   * (headline large, product small at the top, call to action as the label).
   *
   * @param headline drawn large; wrapped and shrunk to fit, cut with an ellipsis when even the
   *     smallest size overflows
   * @param topLine drawn small at the top; may be null or empty
   * @param label drawn bold at the bottom; may be null or empty
   * @param lang BCP 47 language of the texts; chooses fonts and line breaking; may be null
   * @return the PNG and which font drew it
   */
  public Thumbnail renderCard(String headline, String topLine, String label, String lang) {
    String chapterTitle = Objects.requireNonNull(headline, "headline");
    String book = topLine == null ? "" : topLine.strip();
    String labelText = label == null ? "" : label.strip();
    FontPicker.Choice choice = fonts.pick(chapterTitle + book + labelText, lang);
    Font base = choice.font();

    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      drawBackground(g, chapterTitle);

      g.setColor(new Color(255, 255, 255, 210));
      g.setFont(base.deriveFont(Font.PLAIN, 34f));
      g.drawString(ellipsize(g, book, WIDTH - 2 * MARGIN), MARGIN, MARGIN + 30);
      g.setFont(base.deriveFont(Font.BOLD, 40f));
      g.drawString(ellipsize(g, labelText, WIDTH - 2 * MARGIN), MARGIN, HEIGHT - MARGIN + 10);

      TitleLayout.Fitted title = layout(g, chapterTitle, base, lang);
      g.setColor(Color.WHITE);
      g.setFont(title.font());
      int block = title.lines().size() * title.lineHeight();
      int top = TITLE_TOP + Math.max(0, (TITLE_BOTTOM - TITLE_TOP - block) / 2);
      int ascent = g.getFontMetrics().getAscent();
      for (int i = 0; i < title.lines().size(); i++) {
        g.drawString(title.lines().get(i), MARGIN, top + ascent + i * title.lineHeight());
      }
    } finally {
      g.dispose();
    }
    return new Thumbnail(encode(image), base.getFamily(Locale.ROOT), choice.allGlyphsDisplayable());
  }

  /**
   * The font {@link #render} would draw these texts with, without drawing; for cache keys and
   * warnings.
   *
   * @param chapterTitle the chapter title
   * @param bookTitle the book title; may be null
   * @param chapterNumber 1-based chapter number
   * @param lang BCP 47 language of the book; may be null
   * @return the font's family and face name and whether it displays every character
   */
  public ThumbnailFont fontFor(
      String chapterTitle, String bookTitle, int chapterNumber, String lang) {
    Objects.requireNonNull(chapterTitle, "chapterTitle");
    String book = bookTitle == null ? "" : bookTitle.strip();
    FontPicker.Choice choice = fonts.pick(chapterTitle + book + label(chapterNumber, lang), lang);
    return new ThumbnailFont(
        choice.font().getFamily(Locale.ROOT),
        choice.font().getFontName(Locale.ROOT),
        choice.allGlyphsDisplayable());
  }

  /** Lays out the title in the title box with the metrics of {@code g}. */
  static TitleLayout.Fitted layout(Graphics2D g, String title, Font base, String lang) {
    return TitleLayout.fit(
        title,
        base,
        g::getFontMetrics,
        WIDTH - 2 * MARGIN,
        TITLE_BOTTOM - TITLE_TOP,
        TITLE_MAX_SIZE,
        TITLE_MIN_SIZE,
        TitleLayout.locale(lang));
  }

  static String label(int chapterNumber, String lang) {
    String l = lang == null ? "" : lang.toLowerCase(Locale.ROOT);
    if (l.startsWith("ja") || l.startsWith("zh")) {
      return "第" + chapterNumber + "章";
    }
    return "Chapter " + chapterNumber;
  }

  /** A diagonal two-colour gradient; hues and brightness from the title's SHA-256. */
  private static void drawBackground(Graphics2D g, String title) {
    byte[] h = HexFormat.of().parseHex(Hashes.sha256(title));
    float hue = (h[0] & 0xff) / 255f;
    float hue2 = hue + 0.08f + (h[1] & 0xff) / 255f * 0.17f;
    float sat = 0.45f + (h[2] & 0xff) / 255f * 0.3f;
    Color from = Color.getHSBColor(hue, sat, 0.32f + (h[3] & 0xff) / 255f * 0.1f);
    Color to = Color.getHSBColor(hue2 % 1f, sat, 0.18f + (h[4] & 0xff) / 255f * 0.08f);
    g.setPaint(new GradientPaint(0, 0, from, WIDTH, HEIGHT, to));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(new Color(255, 255, 255, 28));
    int r = 260 + (h[5] & 0xff);
    g.fillOval(WIDTH - r / 2 - (h[6] & 0x7f), -r / 3 + (h[7] & 0x3f), r, r);
    g.setColor(new Color(255, 255, 255, 200));
    g.fillRect(MARGIN, TITLE_TOP - 40, 120, 8);
  }

  private static String ellipsize(Graphics2D g, String text, int width) {
    var fm = g.getFontMetrics();
    if (fm.stringWidth(text) <= width) {
      return text;
    }
    String s = text;
    while (!s.isEmpty() && fm.stringWidth(s + "…") > width) {
      s = s.substring(0, s.offsetByCodePoints(s.length(), -1));
    }
    return s.stripTrailing() + "…";
  }

  private static byte[] encode(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new IllegalStateException("PNG encoding failed in memory", e);
    }
    return out.toByteArray();
  }
}

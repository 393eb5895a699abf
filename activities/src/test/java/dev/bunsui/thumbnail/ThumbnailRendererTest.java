package dev.bunsui.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ThumbnailRendererTest {
  private final ThumbnailRenderer renderer = new ThumbnailRenderer(null);

  @Test
  void englishTitleGives1280x720Png() throws IOException {
    Thumbnail t =
        renderer.render("Understanding Ownership", "The Rust Programming Language", 4, "en");
    BufferedImage image = decode(t.png());
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(720);
    assertThat(t.allGlyphsDisplayable()).isTrue();
    assertThat(t.fontFamily()).isNotBlank();
    // white title text is drawn on the dark background in the title box
    assertThat(countNearWhite(image, 80, 190, 1200, 590)).isGreaterThan(1000);
  }

  @Test
  void japaneseTitlePicksAFontThatDisplaysIt() throws IOException {
    boolean cjkInstalled = cjkFontInstalled();
    if (!"true".equals(System.getenv("CI"))) {
      assumeTrue(cjkInstalled, "install fonts-noto-cjk (scripts/install-fonts.sh)");
    }
    Thumbnail t = renderer.render("条件分岐", "プログラミング言語Rust", 3, "ja");
    assertThat(t.allGlyphsDisplayable()).isTrue();
    assertThat(new Font(t.fontFamily(), Font.PLAIN, 12).canDisplayUpTo("条件分岐プログラミング言語第3章"))
        .isEqualTo(-1);
    assertThat(decode(t.png()).getWidth()).isEqualTo(1280);
  }

  @Test
  void unknownGlyphsFallBackToSansSerifAndAreReported() {
    // U+E000 is private use: no installed font has a glyph for it
    Thumbnail t = renderer.render("\uE000\uE001", "Book", 1, "en");
    assertThat(t.allGlyphsDisplayable()).isFalse();
    assertThat(t.fontFamily())
        .isEqualTo(new Font(Font.SANS_SERIF, Font.PLAIN, 1).getFamily(Locale.ROOT));
    assertThat(t.png()).isNotEmpty();
  }

  @Test
  void sameTitleSameImageDifferentTitleDifferentBackground() throws IOException {
    byte[] a1 = renderer.render("Enums", "Book", 6, "en").png();
    byte[] a2 = renderer.render("Enums", "Book", 6, "en").png();
    byte[] b = renderer.render("Generics", "Book", 6, "en").png();
    assertThat(a1).isEqualTo(a2);
    assertThat(decode(a1).getRGB(5, 5)).isNotEqualTo(decode(b).getRGB(5, 5));
  }

  @Test
  void longEnglishTitleWrapsAtSpacesInsideTheBox() {
    String title =
        "Using Trait Objects That Allow for Values of Different Types Across Several Modules";
    TitleLayout.Fitted fitted = layout(title, "en");
    assertThat(fitted.lines()).hasSizeGreaterThan(1);
    assertThat(String.join(" ", fitted.lines())).isEqualTo(title);
    assertFitsTheBox(fitted);
  }

  @Test
  void longJapaneseTitleWrapsBetweenCharacters() {
    assumeTrue(cjkFontInstalled(), "install fonts-noto-cjk (scripts/install-fonts.sh)");
    String title = "所有権を理解する：参照と借用、スライス型、そしてライフタイムで参照を検証する方法について";
    TitleLayout.Fitted fitted = layout(title, "ja");
    assertThat(fitted.lines()).hasSizeGreaterThan(1);
    assertThat(String.join("", fitted.lines())).isEqualTo(title);
    assertFitsTheBox(fitted);
  }

  @Test
  void endlessTitleShrinksToTheMinimumAndIsCut() {
    String title = "word ".repeat(200).strip();
    TitleLayout.Fitted fitted = layout(title, "en");
    assertThat(fitted.font().getSize()).isEqualTo(ThumbnailRenderer.TITLE_MIN_SIZE);
    assertThat(fitted.lines().getLast()).endsWith("…");
    assertFitsTheBox(fitted);
  }

  @Test
  void configuredFontFileIsUsed() {
    Path dejavu = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    assumeTrue(Files.isRegularFile(dejavu), "DejaVu Sans is installed");
    Thumbnail t = new ThumbnailRenderer(dejavu).render("Hello", "Book", 1, "en");
    assertThat(t.fontFamily()).isEqualTo("DejaVu Sans");
    assertThat(t.allGlyphsDisplayable()).isTrue();
  }

  @Test
  void unreadableFontFileIsRejected(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path bogus = Files.writeString(dir.resolve("bogus.ttf"), "not a font");
    assertThatThrownBy(() -> new ThumbnailRenderer(bogus))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bogus.ttf");
  }

  @Test
  void chapterLabelFollowsTheLanguage() {
    assertThat(ThumbnailRenderer.label(3, "ja")).isEqualTo("第3章");
    assertThat(ThumbnailRenderer.label(3, "en")).isEqualTo("Chapter 3");
    assertThat(ThumbnailRenderer.label(3, null)).isEqualTo("Chapter 3");
  }

  private static TitleLayout.Fitted layout(String title, String lang) {
    FontPicker.Choice choice = new FontPicker(null).pick(title, lang);
    BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      TitleLayout.Fitted fitted = ThumbnailRenderer.layout(g, title, choice.font(), lang);
      FontMetrics fm = g.getFontMetrics(fitted.font());
      for (String line : fitted.lines()) {
        assertThat(fm.stringWidth(line))
            .as("width of '%s'", line)
            .isLessThanOrEqualTo(ThumbnailRenderer.WIDTH - 2 * ThumbnailRenderer.MARGIN);
      }
      return fitted;
    } finally {
      g.dispose();
    }
  }

  private static void assertFitsTheBox(TitleLayout.Fitted fitted) {
    assertThat(fitted.lines().size() * fitted.lineHeight())
        .isLessThanOrEqualTo(ThumbnailRenderer.TITLE_BOTTOM - ThumbnailRenderer.TITLE_TOP);
  }

  private static boolean cjkFontInstalled() {
    Set<String> families =
        Arrays.stream(
                GraphicsEnvironment.getLocalGraphicsEnvironment()
                    .getAvailableFontFamilyNames(Locale.ROOT))
            .collect(Collectors.toSet());
    return FontPicker.CJK_FAMILIES.stream()
        .filter(families::contains)
        .anyMatch(f -> new Font(f, Font.PLAIN, 12).canDisplayUpTo("条件分岐") == -1);
  }

  private static int countNearWhite(BufferedImage image, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16) & 0xff) > 235 && ((rgb >> 8) & 0xff) > 235 && (rgb & 0xff) > 235) {
          n++;
        }
      }
    }
    return n;
  }

  private static BufferedImage decode(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).isNotNull();
    return image;
  }
}

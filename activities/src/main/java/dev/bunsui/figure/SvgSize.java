package dev.bunsui.figure;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pixel size an SVG is rasterised at: its own {@code width}/{@code height} (CSS units converted
 * at 96 dpi, per CSS Values and Units §6.2), else its {@code viewBox} size, scaled up so narrow
 * figures are at least {@value #MIN_WIDTH} px wide (at most {@value #MAX_UPSCALE}×), then scaled
 * down to stay within the pixel cap.
 *
 * @param width pixels, at least 1
 * @param height pixels, at least 1
 */
record SvgSize(int width, int height) {
  static final int MIN_WIDTH = 800;
  static final double MAX_UPSCALE = 4.0;
  static final double FALLBACK_WIDTH = 800;
  static final double FALLBACK_HEIGHT = 600;

  private static final Pattern LENGTH =
      Pattern.compile("\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*(px|pt|pc|in|cm|mm|)\\s*");

  /** Computes the raster size from the root element's attributes. */
  static SvgSize of(Map<String, String> root, int maxPixels) {
    double w = length(root.get("width"));
    double h = length(root.get("height"));
    double[] box = viewBox(root.get("viewBox"));
    if (w <= 0 && h <= 0) {
      w = box != null ? box[0] : FALLBACK_WIDTH;
      h = box != null ? box[1] : FALLBACK_HEIGHT;
    } else if (w <= 0) {
      w = box != null ? h * box[0] / box[1] : h * FALLBACK_WIDTH / FALLBACK_HEIGHT;
    } else if (h <= 0) {
      h = box != null ? w * box[1] / box[0] : w * FALLBACK_HEIGHT / FALLBACK_WIDTH;
    }
    if (w < MIN_WIDTH) {
      double scale = Math.min(MIN_WIDTH / w, MAX_UPSCALE);
      w *= scale;
      h *= scale;
    }
    if (w * h > maxPixels) {
      double scale = Math.sqrt(maxPixels / (w * h));
      w *= scale;
      h *= scale;
    }
    return new SvgSize(Math.max(1, (int) Math.floor(w)), Math.max(1, (int) Math.floor(h)));
  }

  /** A CSS length in px, or -1 when missing, relative (%, em) or not a number. */
  static double length(String value) {
    if (value == null) {
      return -1;
    }
    Matcher m = LENGTH.matcher(value);
    if (!m.matches()) {
      return -1;
    }
    double n = Double.parseDouble(m.group(1));
    double px =
        switch (m.group(2)) {
          case "pt" -> n * 96 / 72;
          case "pc" -> n * 16;
          case "in" -> n * 96;
          case "cm" -> n * 96 / 2.54;
          case "mm" -> n * 96 / 25.4;
          default -> n;
        };
    return px > 0 && Double.isFinite(px) ? px : -1;
  }

  private static double[] viewBox(String value) {
    if (value == null) {
      return null;
    }
    String[] parts = value.trim().split("[\\s,]+");
    if (parts.length != 4) {
      return null;
    }
    try {
      double w = Double.parseDouble(parts[2]);
      double h = Double.parseDouble(parts[3]);
      return w > 0 && h > 0 && Double.isFinite(w) && Double.isFinite(h)
          ? new double[] {w, h}
          : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

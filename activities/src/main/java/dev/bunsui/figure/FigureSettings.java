package dev.bunsui.figure;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How figures are rendered.
 *
 * @param mermaidCommand the {@code mmdc} executable of {@code @mermaid-js/mermaid-cli}: a path, or
 *     a bare name looked up on {@code PATH}
 * @param chromiumPath the Chromium executable Puppeteer drives for Mermaid
 * @param renderTimeout how long one external render (Mermaid) may take before its process tree is
 *     killed
 * @param maxPixels upper bound on width × height of a rendered or decoded image; larger SVG output
 *     is scaled down to fit, larger raster input is rejected
 */
public record FigureSettings(
    Path mermaidCommand, Path chromiumPath, Duration renderTimeout, int maxPixels) {

  /** Default pixel cap: 40 megapixels (for example 8000 × 5000), about 160 MB decoded. */
  public static final int DEFAULT_MAX_PIXELS = 40_000_000;

  /** Default timeout of one Mermaid render. */
  public static final Duration DEFAULT_RENDER_TIMEOUT = Duration.ofSeconds(60);

  /** Validates the settings. */
  public FigureSettings {
    Objects.requireNonNull(mermaidCommand, "mermaidCommand");
    Objects.requireNonNull(chromiumPath, "chromiumPath");
    Objects.requireNonNull(renderTimeout, "renderTimeout");
    if (renderTimeout.isNegative() || renderTimeout.isZero()) {
      throw new IllegalArgumentException("renderTimeout must be positive: " + renderTimeout);
    }
    if (maxPixels <= 0) {
      throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
    }
  }

  /**
   * The settings {@code scripts/install-mermaid.sh} prepares: {@code mmdc} from {@code
   * <projectRoot>/.tools/mermaid/node_modules/.bin/mmdc} when present, else {@code mmdc} on {@code
   * PATH}; Chromium at {@code /usr/bin/chromium} (Debian's package) when present, else the first of
   * {@code chromium}, {@code chromium-browser} on {@code PATH}, else {@code /usr/bin/chromium}
   * (reported as missing when rendering); {@link #DEFAULT_RENDER_TIMEOUT}; {@link
   * #DEFAULT_MAX_PIXELS}.
   *
   * @param projectRoot the folder holding {@code mvnw} and {@code .tools}
   */
  public static FigureSettings defaults(Path projectRoot) {
    Path local = projectRoot.resolve(".tools/mermaid/node_modules/.bin/mmdc");
    Path mmdc = Files.isExecutable(local) ? local.toAbsolutePath() : Path.of("mmdc");
    Path debianChromium = Path.of("/usr/bin/chromium");
    Path chromium = debianChromium;
    if (!Files.isExecutable(debianChromium)) {
      Path found = onPath("chromium");
      if (found == null) {
        found = onPath("chromium-browser");
      }
      if (found != null) {
        chromium = found;
      }
    }
    return new FigureSettings(mmdc, chromium, DEFAULT_RENDER_TIMEOUT, DEFAULT_MAX_PIXELS);
  }

  /**
   * Resolves an executable: a path with a folder part is taken as is; a bare name is looked up in
   * the folders of {@code PATH}.
   *
   * @return the executable, or null when it does not exist or is not executable
   */
  static Path resolveExecutable(Path command) {
    if (command.getParent() != null || command.isAbsolute()) {
      return Files.isExecutable(command) && !Files.isDirectory(command) ? command : null;
    }
    return onPath(command.toString());
  }

  private static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}

package dev.bunsui.figure;

import dev.bunsui.failure.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Mermaid to PNG by running {@code mmdc} from {@code @mermaid-js/mermaid-cli} as a child process.
 * Each render gets its own temporary folder with {@code in.mmd} (the source bytes), a Puppeteer
 * configuration pointing at the configured Chromium ({@code --no-sandbox}, no GPU, no background
 * networking) and {@code out.png}; the folder is deleted afterwards. The process tree is killed
 * when it runs longer than {@link FigureSettings#renderTimeout()}. Install the renderer with {@code
 * scripts/install-mermaid.sh}.
 */
final class MermaidRenderer {
  static final String INSTALL_HINT =
      "run scripts/install-mermaid.sh (needs npm and Debian's chromium)";
  private static final int MAX_REASON_CHARS = 1500;
  private static final Pattern STACK_FRAME = Pattern.compile("\\S+ \\(.*:\\d+:\\d+\\)");

  private final FigureSettings settings;

  MermaidRenderer(FigureSettings settings) {
    this.settings = settings;
  }

  /**
   * Renders Mermaid text.
   *
   * @throws FigureException {@code FIGURE_RENDER} when the renderer is missing, times out or
   *     reports an error (the message carries mmdc's reason)
   */
  RenderedFigure render(byte[] source, String origin) {
    Path mmdc = FigureSettings.resolveExecutable(settings.mermaidCommand());
    if (mmdc == null) {
      throw unavailable(origin, "mmdc not found at '" + settings.mermaidCommand() + "'");
    }
    Path chromium = settings.chromiumPath();
    if (!Files.isExecutable(chromium)) {
      throw unavailable(origin, "Chromium not found at '" + chromium + "'");
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("bunsui-mermaid-");
      return run(mmdc, chromium, dir, source, origin);
    } catch (IOException e) {
      throw new FigureException(
          ErrorCode.FIGURE_RENDER, origin, "cannot run mmdc: " + e.getMessage(), e);
    } finally {
      deleteRecursively(dir);
    }
  }

  private RenderedFigure run(Path mmdc, Path chromium, Path dir, byte[] source, String origin)
      throws IOException {
    Path input = Files.write(dir.resolve("in.mmd"), source);
    Path output = dir.resolve("out.png");
    Path config = dir.resolve("puppeteer-config.json");
    Files.writeString(config, puppeteerConfig(chromium), StandardCharsets.UTF_8);
    Path log = dir.resolve("mmdc.log");
    List<String> command =
        List.of(
            mmdc.toString(),
            "-i",
            input.toString(),
            "-o",
            output.toString(),
            "-b",
            "white",
            "-s",
            "2",
            "-p",
            config.toString(),
            "-q");
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().put("PUPPETEER_EXECUTABLE_PATH", chromium.toString());
    pb.environment().put("PUPPETEER_SKIP_DOWNLOAD", "1");
    Process process = pb.start();
    boolean finished;
    try {
      finished = process.waitFor(settings.renderTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      killTree(process);
      Thread.currentThread().interrupt();
      throw new FigureException(
          ErrorCode.FIGURE_RENDER, origin, "Mermaid render was interrupted", e);
    }
    if (!finished) {
      killTree(process);
      throw new FigureException(
          ErrorCode.FIGURE_RENDER,
          origin,
          "Mermaid render took longer than "
              + settings.renderTimeout().toSeconds()
              + " s and was stopped; simplify the diagram");
    }
    String out = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    if (process.exitValue() != 0 || !Files.isRegularFile(output)) {
      throw new FigureException(
          ErrorCode.FIGURE_RENDER,
          origin,
          "Mermaid cannot render the diagram (mmdc exit "
              + process.exitValue()
              + "): "
              + reason(out));
    }
    return Images.rendered(Files.readAllBytes(output), "mmdc", origin);
  }

  /** The Puppeteer launch options: the configured Chromium, sandbox and networking off. */
  static String puppeteerConfig(Path chromium) {
    return "{\"executablePath\": \""
        + jsonEscape(chromium.toAbsolutePath().toString())
        + "\", \"args\": [\"--no-sandbox\", \"--disable-gpu\","
        + " \"--disable-background-networking\", \"--disable-dev-shm-usage\","
        + " \"--host-resolver-rules=MAP * ~NOTFOUND\"]}\n";
  }

  /**
   * The useful part of mmdc's output: without stack frames and blank lines, lines joined by {@code
   * |}, trimmed to {@value #MAX_REASON_CHARS} characters.
   */
  static String reason(String output) {
    List<String> lines = new ArrayList<>();
    for (String line : output.split("\\R")) {
      String s = line.strip();
      if (s.isEmpty()
          || s.startsWith("at ")
          || s.startsWith("npm warn")
          || STACK_FRAME.matcher(s).matches()) {
        continue;
      }
      lines.add(s);
    }
    String text = String.join(" | ", lines);
    if (text.isEmpty()) {
      return "no output from mmdc";
    }
    return text.length() > MAX_REASON_CHARS ? text.substring(0, MAX_REASON_CHARS) + " …" : text;
  }

  private static FigureException unavailable(String origin, String what) {
    return new FigureException(
        ErrorCode.FIGURE_RENDER,
        origin,
        "Mermaid renderer not available: " + what + "; " + INSTALL_HINT);
  }

  private static void killTree(Process process) {
    try (Stream<ProcessHandle> children = process.descendants()) {
      children.forEach(ProcessHandle::destroyForcibly);
    }
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String jsonEscape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  private static void deleteRecursively(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(MermaidRenderer::deleteQuietly);
    } catch (IOException | UncheckedIOException e) {
      // best effort: a leftover temp folder is harmless
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // best effort
    }
  }
}

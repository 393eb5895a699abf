package dev.bunsui.parse;

import dev.bunsui.book.FigureOutline;
import dev.bunsui.book.FigureType;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.ArtifactStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns image links and diagram text into stored figures. Local images are resolved relative to the
 * Markdown file ({@code /} meaning the book folder) and must stay inside the book folder; remote
 * images are fetched only when allowed. Every problem becomes a skipped item naming the file, the
 * line and the link.
 */
final class FigureResolver {
  static final long MAX_REMOTE_BYTES = 10L * 1024 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

  private final ArtifactStore store;
  private final SourceFiles files;
  private final ParseSettings settings;
  private final SkipLog skips;
  private HttpClient http;

  FigureResolver(ArtifactStore store, SourceFiles files, ParseSettings settings, SkipLog skips) {
    this.store = store;
    this.files = files;
    this.settings = settings;
    this.skips = skips;
  }

  /**
   * A figure for an image link.
   *
   * @param id the figure id
   * @param link the link as written
   * @param page the page it is written in
   * @param line 1-based line in that page's file
   * @return the figure, or null when skipped (with a skipped item recorded)
   */
  FigureOutline fromLink(String id, String link, String alt, PreparedPage page, int line) {
    String target = link.strip();
    try {
      if (target.startsWith("http://") || target.startsWith("https://")) {
        return remote(id, target, alt, page.rel(), line);
      }
      if (SCHEME.matcher(target).matches()) {
        throw new ProblemException("uses an unsupported scheme (only files and http(s) URLs)");
      }
      Kind kind = Kind.ofName(target.replaceAll("[?#].*$", ""));
      if (kind == null) {
        throw new ProblemException("is not an SVG, PNG, JPEG, GIF or WebP image");
      }
      Path file = files.resolveInside(page.file().getParent(), target);
      byte[] bytes = files.readBytes(file);
      ArtifactRef ref = store.put(bytes, kind.mediaType, kind.ext);
      return new FigureOutline(id, kind.type, page.rel(), line, link, alt, ref);
    } catch (ProblemException e) {
      skips.add(id, page.rel(), line, "image '" + link + "' " + e.reason());
      return null;
    }
  }

  /** A figure from diagram or SVG text; its link is the placeholder {@code figure:<id>}. */
  FigureOutline fromText(
      String id, FigureType type, String text, String alt, String rel, int line) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ArtifactRef ref =
        switch (type) {
          case SVG -> store.put(bytes, "image/svg+xml", "svg");
          case MERMAID -> store.put(bytes, "text/vnd.mermaid; charset=utf-8", "mmd");
          case PLANTUML -> store.put(bytes, "text/vnd.plantuml; charset=utf-8", "puml");
          case RASTER -> throw new IllegalArgumentException("raster figures come from links");
        };
    return new FigureOutline(id, type, rel, line, "figure:" + id, alt, ref);
  }

  private FigureOutline remote(String id, String url, String alt, String rel, int line)
      throws ProblemException {
    if (!settings.allowRemoteImages()) {
      throw new ProblemException(
          "is remote and was not fetched (set bunsui.parse.allow-remote-images)");
    }
    byte[] bytes;
    String contentType;
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
      HttpResponse<InputStream> response =
          client().send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() / 100 != 2) {
          throw new ProblemException("could not be fetched: HTTP " + response.statusCode());
        }
        bytes = in.readNBytes((int) MAX_REMOTE_BYTES + 1);
      }
      contentType = response.headers().firstValue("Content-Type").orElse("");
    } catch (IllegalArgumentException e) {
      throw new ProblemException("is not a valid URL");
    } catch (IOException e) {
      throw new ProblemException("could not be fetched: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProblemException("fetch was interrupted");
    }
    if (bytes.length > MAX_REMOTE_BYTES) {
      throw new ProblemException("is larger than " + MAX_REMOTE_BYTES + " bytes");
    }
    Kind kind = Kind.ofMediaType(contentType);
    if (kind == null) {
      kind = Kind.ofName(URI.create(url).getPath() == null ? "" : URI.create(url).getPath());
    }
    if (kind == null) {
      throw new ProblemException("is not an image (Content-Type '" + contentType + "')");
    }
    files.addToHash(bytes);
    ArtifactRef ref = store.put(bytes, kind.mediaType, kind.ext);
    return new FigureOutline(id, kind.type, rel, line, url, alt, ref);
  }

  private synchronized HttpClient client() {
    if (http == null) {
      http =
          HttpClient.newBuilder()
              .connectTimeout(TIMEOUT)
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
    }
    return http;
  }

  /** Image kinds by extension and media type. */
  private enum Kind {
    SVG(FigureType.SVG, "image/svg+xml", "svg"),
    PNG(FigureType.RASTER, "image/png", "png"),
    JPEG(FigureType.RASTER, "image/jpeg", "jpg"),
    GIF(FigureType.RASTER, "image/gif", "gif"),
    WEBP(FigureType.RASTER, "image/webp", "webp");

    final FigureType type;
    final String mediaType;
    final String ext;

    Kind(FigureType type, String mediaType, String ext) {
      this.type = type;
      this.mediaType = mediaType;
      this.ext = ext;
    }

    static Kind ofName(String name) {
      String n = name.toLowerCase(Locale.ROOT);
      if (n.endsWith(".svg")) {
        return SVG;
      } else if (n.endsWith(".png")) {
        return PNG;
      } else if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
        return JPEG;
      } else if (n.endsWith(".gif")) {
        return GIF;
      } else if (n.endsWith(".webp")) {
        return WEBP;
      }
      return null;
    }

    static Kind ofMediaType(String contentType) {
      String t = contentType.toLowerCase(Locale.ROOT).replaceAll(";.*$", "").strip();
      for (Kind k : values()) {
        if (k.mediaType.equals(t)) {
          return k;
        }
      }
      return null;
    }
  }
}
